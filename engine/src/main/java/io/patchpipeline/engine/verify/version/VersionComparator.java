package io.patchpipeline.engine.verify.version;

import java.util.Comparator;
import java.util.Locale;

/**
 * Ordering of version strings by one ecosystem's rules. Implementations are immutable and
 * thread-safe. A version that the ecosystem's grammar rejects raises {@link
 * InvalidVersionException} rather than being ordered by a guess.
 */
public interface VersionComparator extends Comparator<String> {

  /** Returns the ecosystem whose rules this comparator applies, such as {@code debian}. */
  String ecosystem();

  /** Returns whether {@code installed} is at least {@code fixed}, the usual verification test. */
  default boolean isAtLeast(String installed, String fixed) {
    return compare(installed, fixed) >= 0;
  }

  /**
   * Returns the comparator for an ecosystem name as scanners and package URLs spell it ({@code
   * debian}, {@code ubuntu}, {@code deb}, {@code rpm}, {@code redhat}, {@code alpine}, {@code apk},
   * {@code npm}, {@code semver}, {@code maven}, {@code pypi}, {@code go}, ...). An unknown or empty
   * name gets the generic comparator.
   */
  static VersionComparator forEcosystem(String ecosystem) {
    String name = ecosystem == null ? "" : ecosystem.trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "debian", "ubuntu", "deb", "dpkg", "raspbian", "kali" ->
          DebianVersionComparator.INSTANCE;
      case "rpm",
          "redhat",
          "rhel",
          "centos",
          "fedora",
          "rocky",
          "alma",
          "almalinux",
          "oracle",
          "ol",
          "amazon",
          "amzn",
          "suse",
          "sles",
          "opensuse",
          "opensuse-leap",
          "photon",
          "mariner",
          "azurelinux" ->
          RpmVersionComparator.INSTANCE;
      case "alpine", "apk", "wolfi", "chainguard" -> ApkVersionComparator.INSTANCE;
      case "npm", "semver", "cargo", "crates.io" -> SemverComparator.INSTANCE;
      case "maven" -> MavenVersionComparator.INSTANCE;
      case "pypi", "pip", "python" -> Pep440Comparator.INSTANCE;
      case "go", "golang", "gomod" -> GoVersionComparator.INSTANCE;
      default -> GenericVersionComparator.INSTANCE;
    };
  }
}
