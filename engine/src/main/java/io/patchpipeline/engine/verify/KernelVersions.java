package io.patchpipeline.engine.verify;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the package version of the running kernel, since a fixed kernel that is installed but not
 * booted still leaves the host vulnerable.
 */
final class KernelVersions {
  private static final Pattern RPM_ARCH =
      Pattern.compile("(.+?)(?:\\.(?:x86_64|aarch64|ppc64le|s390x|i686|armv7hl))(?:\\+\\w+)?");
  private static final Pattern DEBIAN_BUILD = Pattern.compile("Debian (\\S+)");
  private static final Pattern ALPINE_RELEASE = Pattern.compile("(\\d[\\w.]*)-(\\d+)-(\\w+)");

  private KernelVersions() {}

  /**
   * Returns the running kernel's package version in the ecosystem's form, or empty when the running
   * kernel is unknown or cannot be matched to a package.
   */
  static Optional<String> running(HostInventory host, String ecosystem) {
    String release = host.runningKernel();
    if (release.isEmpty()) {
      return Optional.empty();
    }
    return switch (family(ecosystem, host.distribution())) {
      case "rpm" -> rpm(release);
      case "debian" -> debian(host, release);
      case "alpine" -> alpine(release);
      default -> Optional.empty();
    };
  }

  private static String family(String ecosystem, String distribution) {
    String name = ecosystem.isEmpty() ? distribution : ecosystem;
    return switch (name) {
      case "debian", "ubuntu" -> "debian";
      case "alpine" -> "alpine";
      case "" -> "";
      default ->
          io.patchpipeline.engine.verify.version.VersionComparator.forEcosystem(name).ecosystem();
    };
  }

  /** {@code 4.18.0-513.5.1.el8_9.x86_64} is version-release {@code 4.18.0-513.5.1.el8_9}. */
  private static Optional<String> rpm(String release) {
    Matcher matcher = RPM_ARCH.matcher(release);
    return Optional.of(matcher.matches() ? matcher.group(1) : release);
  }

  /**
   * Debian prints the package version in {@code uname -v} ({@code ... Debian 6.1.76-1 ...}); Ubuntu
   * does not, so the version of the installed {@code linux-image-RELEASE} package is used.
   */
  private static Optional<String> debian(HostInventory host, String release) {
    Matcher build = DEBIAN_BUILD.matcher(host.kernelBuild());
    if (build.find()) {
      return Optional.of(build.group(1));
    }
    List<InstalledPackage> image = host.installed("linux-image-" + release);
    if (image.isEmpty()) {
      image = host.installed("linux-image-unsigned-" + release);
    }
    return image.stream().map(InstalledPackage::version).findFirst();
  }

  /** {@code 6.6.14-0-lts} is package {@code linux-lts} version {@code 6.6.14-r0}. */
  private static Optional<String> alpine(String release) {
    Matcher matcher = ALPINE_RELEASE.matcher(release);
    return matcher.matches()
        ? Optional.of(matcher.group(1) + "-r" + matcher.group(2))
        : Optional.empty();
  }
}
