package io.patchpipeline.engine.report;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one table that maps scanners' package type words (package URL types, Trivy result types,
 * Grype artifact types, OSV ecosystems) to the ecosystems of {@link PackageRef}, and decides the
 * {@link PackageKind} of a package.
 */
final class Ecosystems {
  private static final Map<String, String> ECOSYSTEMS =
      Map.ofEntries(
          Map.entry("deb", "debian"),
          Map.entry("debian", "debian"),
          Map.entry("ubuntu", "ubuntu"),
          Map.entry("apk", "alpine"),
          Map.entry("alpine", "alpine"),
          Map.entry("wolfi", "alpine"),
          Map.entry("chainguard", "alpine"),
          Map.entry("rpm", "rpm"),
          Map.entry("redhat", "rpm"),
          Map.entry("red hat", "rpm"),
          Map.entry("centos", "rpm"),
          Map.entry("rocky", "rpm"),
          Map.entry("rocky linux", "rpm"),
          Map.entry("alma", "rpm"),
          Map.entry("almalinux", "rpm"),
          Map.entry("amazon", "rpm"),
          Map.entry("oracle", "rpm"),
          Map.entry("photon", "rpm"),
          Map.entry("photon os", "rpm"),
          Map.entry("suse", "rpm"),
          Map.entry("opensuse", "rpm"),
          Map.entry("sles", "rpm"),
          Map.entry("cbl-mariner", "rpm"),
          Map.entry("azurelinux", "rpm"),
          Map.entry("fedora", "rpm"),
          Map.entry("mageia", "rpm"),
          Map.entry("npm", "npm"),
          Map.entry("node-pkg", "npm"),
          Map.entry("yarn", "npm"),
          Map.entry("pnpm", "npm"),
          Map.entry("maven", "maven"),
          Map.entry("jar", "maven"),
          Map.entry("pom", "maven"),
          Map.entry("gradle", "maven"),
          Map.entry("sbt", "maven"),
          Map.entry("java-archive", "maven"),
          Map.entry("pypi", "pypi"),
          Map.entry("pip", "pypi"),
          Map.entry("pipenv", "pypi"),
          Map.entry("poetry", "pypi"),
          Map.entry("uv", "pypi"),
          Map.entry("python-pkg", "pypi"),
          Map.entry("python", "pypi"),
          Map.entry("golang", "go"),
          Map.entry("go", "go"),
          Map.entry("gomod", "go"),
          Map.entry("gobinary", "go"),
          Map.entry("go-module", "go"),
          Map.entry("nuget", "nuget"),
          Map.entry("dotnet-core", "nuget"),
          Map.entry("dotnet-deps", "nuget"),
          Map.entry("packages-props", "nuget"),
          Map.entry("cargo", "cargo"),
          Map.entry("crates.io", "cargo"),
          Map.entry("rust-crate", "cargo"),
          Map.entry("rustbinary", "cargo"),
          Map.entry("gem", "gem"),
          Map.entry("gemspec", "gem"),
          Map.entry("bundler", "gem"),
          Map.entry("rubygems", "gem"),
          Map.entry("composer", "composer"),
          Map.entry("packagist", "composer"),
          Map.entry("php-composer", "composer"));

  private static final Set<String> OPERATING_SYSTEMS = Set.of("debian", "ubuntu", "alpine", "rpm");

  /** Package names of OS kernels, whose update needs a reboot. */
  private static final Set<String> KERNEL_NAMES = Set.of("kernel", "linux", "kernel-core");

  /** Name prefixes of kernel packages; {@code linux-libc-dev} and {@code linux-pam} are not. */
  private static final Set<String> KERNEL_PREFIXES =
      Set.of(
          "linux-image",
          "linux-modules",
          "linux-signed",
          "linux-lts",
          "linux-virt",
          "linux-aws",
          "linux-azure",
          "linux-gcp",
          "linux-oem",
          "kernel-default",
          "kernel-rt",
          "kernel-uek",
          "kernel-modules");

  private Ecosystems() {}

  /**
   * Returns the ecosystem of a type word such as {@code deb}, {@code gomod} or {@code Debian:10}
   * (an OSV ecosystem with its release); an unknown word is returned in lower case.
   */
  static String normalize(String word) {
    if (word == null || word.isBlank()) {
      return "";
    }
    String key = word.trim().toLowerCase(Locale.ROOT);
    int colon = key.indexOf(':');
    if (colon > 0) {
      key = key.substring(0, colon);
    }
    String known = ECOSYSTEMS.get(key);
    if (known != null) {
      return known;
    }
    for (Map.Entry<String, String> entry : ECOSYSTEMS.entrySet()) {
      if (key.startsWith(entry.getKey() + " ")) {
        return entry.getValue();
      }
    }
    return key;
  }

  static boolean isOperatingSystem(String ecosystem) {
    return OPERATING_SYSTEMS.contains(ecosystem);
  }

  /** Returns OS or KERNEL for a distribution package, LIBRARY for any other known ecosystem. */
  static PackageKind kind(String ecosystem, String packageName) {
    if (isOperatingSystem(ecosystem)) {
      return isKernel(packageName) ? PackageKind.KERNEL : PackageKind.OS;
    }
    return ecosystem.isEmpty() ? PackageKind.UNKNOWN : PackageKind.LIBRARY;
  }

  /**
   * Returns whether an OS package is a kernel (Debian {@code linux-image-*}, RPM {@code kernel}).
   */
  static boolean isKernel(String packageName) {
    String name = packageName.toLowerCase(Locale.ROOT);
    if (KERNEL_NAMES.contains(name)) {
      return true;
    }
    return KERNEL_PREFIXES.stream().anyMatch(name::startsWith);
  }
}
