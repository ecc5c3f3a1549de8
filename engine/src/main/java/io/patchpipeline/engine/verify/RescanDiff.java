package io.patchpipeline.engine.verify;

import io.patchpipeline.engine.report.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a new scan of the same scope with the old findings. A finding whose target the new scan
 * covered and no longer reports is fixed; one whose target the new scan did not cover is unknown,
 * never fixed, because a host that was down or skipped reports nothing.
 *
 * @param fixed old findings the new scan no longer reports on a covered target
 * @param stillPresent old findings the new scan reports again
 * @param newlyFound findings of the new scan that the old one did not have
 * @param unknown old findings on targets the new scan did not cover
 */
public record RescanDiff(
    List<Finding> fixed,
    List<Finding> stillPresent,
    List<Finding> newlyFound,
    List<Finding> unknown) {

  static final String METHOD = "rescan";

  public RescanDiff {
    fixed = List.copyOf(fixed);
    stillPresent = List.copyOf(stillPresent);
    newlyFound = List.copyOf(newlyFound);
    unknown = List.copyOf(unknown);
  }

  /**
   * Compares the findings by {@link FindingKey}. {@code scannedTargets} names targets the new scan
   * covered even when it found nothing on them (a clean host has no findings to show it was
   * scanned); every target of a new finding counts as covered too.
   */
  public static RescanDiff compare(
      Collection<Finding> before, Collection<Finding> after, Collection<String> scannedTargets) {
    Map<FindingKey, Finding> now = index(after);
    Set<String> covered = new LinkedHashSet<>(scannedTargets);
    after.forEach(finding -> covered.add(finding.target().name()));
    Map<FindingKey, Finding> old = index(before);
    List<Finding> fixed = new ArrayList<>();
    List<Finding> still = new ArrayList<>();
    List<Finding> unknown = new ArrayList<>();
    old.forEach(
        (key, finding) -> {
          if (now.containsKey(key)) {
            still.add(finding);
          } else if (covered.contains(key.target())) {
            fixed.add(finding);
          } else {
            unknown.add(finding);
          }
        });
    List<Finding> added = new ArrayList<>();
    now.forEach(
        (key, finding) -> {
          if (!old.containsKey(key)) {
            added.add(finding);
          }
        });
    return new RescanDiff(fixed, still, added, unknown);
  }

  /** Returns one verification per old finding, for the same reporting as the targeted check. */
  public List<FindingVerification> verifications() {
    List<FindingVerification> results = new ArrayList<>();
    fixed.forEach(
        f ->
            results.add(
                result(
                    f,
                    VerificationStatus.FIXED,
                    "the new scan of " + f.target().name() + " no longer reports it")));
    stillPresent.forEach(
        f ->
            results.add(
                result(
                    f,
                    VerificationStatus.STILL_VULNERABLE,
                    "the new scan of " + f.target().name() + " still reports it")));
    unknown.forEach(
        f ->
            results.add(
                result(
                    f,
                    VerificationStatus.UNKNOWN,
                    "the new scan did not cover " + f.target().name())));
    return results;
  }

  private static FindingVerification result(
      Finding finding, VerificationStatus status, String reason) {
    return new FindingVerification(
        FindingKey.of(finding).toString(),
        finding.canonicalId(),
        finding.pkg().name(),
        finding.target().name(),
        status,
        METHOD,
        finding.pkg().installedVersion(),
        "",
        "",
        reason);
  }

  private static Map<FindingKey, Finding> index(Collection<Finding> findings) {
    Map<FindingKey, Finding> byKey = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byKey.putIfAbsent(FindingKey.of(finding), finding);
    }
    return byKey;
  }
}
