package io.patchpipeline.engine.report;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}) that a
 * finding needs.
 */
record Purl(String type, String namespace, String name, String version) {
  private static final Set<String> DISTRIBUTION_TYPES = Set.of("deb", "rpm", "apk", "alpm");

  /** Returns the parts of {@code text}, or empty when it is not a package URL. */
  static Optional<Purl> parse(String text) {
    if (text == null || !text.startsWith("pkg:")) {
      return Optional.empty();
    }
    String rest = text.substring(4);
    rest = cut(rest, '#');
    rest = cut(rest, '?');
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    String type = rest.substring(0, slash);
    String path = rest.substring(slash + 1);
    String version = "";
    // The version separator follows the last slash; an npm scope such as @types precedes it.
    int at = path.lastIndexOf('@');
    if (at > path.lastIndexOf('/')) {
      version = decode(path.substring(at + 1));
      path = path.substring(0, at);
    }
    int last = path.lastIndexOf('/');
    String namespace = last < 0 ? "" : decode(path.substring(0, last));
    String name = decode(path.substring(last + 1));
    return name.isEmpty()
        ? Optional.empty()
        : Optional.of(new Purl(type, namespace, name, version));
  }

  /**
   * Returns the name as its ecosystem spells it: {@code group:artifact} for Maven, {@code
   * @scope/name} for npm, and the bare name for distribution packages, whose namespace is the
   * distribution.
   */
  String packageName() {
    if (namespace.isEmpty() || DISTRIBUTION_TYPES.contains(type)) {
      return name;
    }
    return "maven".equals(type) ? namespace + ":" + name : namespace + "/" + name;
  }

  /** Returns the ecosystem: the distribution for {@code deb} packages, else by the type. */
  String ecosystem() {
    if ("deb".equals(type) && !namespace.isEmpty()) {
      return Ecosystems.normalize(namespace);
    }
    return Ecosystems.normalize(type);
  }

  /** Returns a package reference for this URL; {@code purl} is the text it was read from. */
  PackageRef toPackage(String purl) {
    String ecosystem = ecosystem();
    String packageName = packageName();
    return new PackageRef(
        packageName, ecosystem, purl, version, Ecosystems.kind(ecosystem, packageName));
  }

  /**
   * Returns the package that {@code purl} names with the given kind, or {@code null} when it is not
   * a package URL; for parsers whose format says what kind of package it is.
   */
  static PackageRef packageOf(String purl, PackageKind kind) {
    return parse(purl)
        .map(p -> new PackageRef(p.packageName(), p.ecosystem(), purl, p.version(), kind))
        .orElse(null);
  }

  private static String cut(String text, char separator) {
    int index = text.indexOf(separator);
    return index < 0 ? text : text.substring(0, index);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
