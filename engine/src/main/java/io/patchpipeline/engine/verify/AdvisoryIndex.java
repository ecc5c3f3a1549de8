package io.patchpipeline.engine.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Advisories looked up by CVE, package and release. */
public final class AdvisoryIndex {
  private final List<Advisory> advisories;

  public AdvisoryIndex(List<Advisory> advisories) {
    this.advisories = List.copyOf(advisories);
  }

  public static AdvisoryIndex empty() {
    return new AdvisoryIndex(List.of());
  }

  public int size() {
    return advisories.size();
  }

  /**
   * Returns the advisory for one of {@code cves} on {@code packageName} (or its {@code
   * sourcePackage}) in {@code distribution} {@code release}. An advisory applies only to the
   * release it names, so nothing is found when the host's release is unknown.
   */
  public Optional<Advisory> find(
      List<String> cves,
      String packageName,
      String sourcePackage,
      String distribution,
      String release) {
    if (release.isEmpty() || distribution.isEmpty()) {
      return Optional.empty();
    }
    List<Advisory> matches = new ArrayList<>();
    for (Advisory advisory : advisories) {
      boolean samePackage =
          advisory.packageName().equals(packageName)
              || advisory.packageName().equals(sourcePackage);
      boolean sameRelease =
          advisory.distribution().equals(distribution) && advisory.release().equals(release);
      if (samePackage && sameRelease && advisory.cves().stream().anyMatch(cves::contains)) {
        matches.add(advisory);
      }
    }
    return matches.stream().findFirst();
  }
}
