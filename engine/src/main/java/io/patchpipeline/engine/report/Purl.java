package io.patchpipeline.engine.report;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}, as in the purl
 * specification) into a {@link PackageRef}. Maven names become {@code group:artifact}; the
 * namespace of an OS package ({@code deb}, {@code rpm}, {@code apk}, {@code alpm}) names the
 * distribution and is dropped; other ecosystems join namespace and name with a slash, as npm does
 * for {@code @scope/name}.
 */
final class Purl {
  private static final Set<String> DISTRIBUTION_TYPES = Set.of("deb", "rpm", "apk", "alpm");

  private Purl() {}

  /** Returns the package that {@code purl} names, or {@code null} when it is not a package URL. */
  static PackageRef parse(String purl, PackageKind kind) {
    if (purl == null || !purl.startsWith("pkg:")) {
      return null;
    }
    String rest = purl.substring(4);
    rest = cut(rest, '#');
    rest = cut(rest, '?');
    String version = "";
    int at = rest.lastIndexOf('@');
    if (at > rest.lastIndexOf('/')) {
      version = decode(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      return null;
    }
    String type = rest.substring(0, slash).toLowerCase(Locale.ROOT);
    String path = rest.substring(slash + 1);
    int last = path.lastIndexOf('/');
    String name = decode(path.substring(last + 1));
    if (last > 0 && !DISTRIBUTION_TYPES.contains(type)) {
      String namespace = decode(path.substring(0, last));
      name = type.equals("maven") ? namespace + ":" + name : namespace + "/" + name;
    }
    return new PackageRef(name, type, purl, version, kind);
  }

  private static String cut(String text, char marker) {
    int index = text.indexOf(marker);
    return index < 0 ? text : text.substring(0, index);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
