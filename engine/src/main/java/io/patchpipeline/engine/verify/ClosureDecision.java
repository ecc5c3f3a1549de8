package io.patchpipeline.engine.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a unit's ticket may be closed: only when every CVE of the unit has at least one
 * verdict and all its verdicts are {@link VerificationStatus#FIXED}.
 *
 * @param close whether the ticket may be closed
 * @param remaining CVEs still vulnerable
 * @param unverified CVEs without a verdict or with an unknown one
 * @param reason one sentence for the ticket comment or the build log
 */
public record ClosureDecision(
    boolean close, List<String> remaining, List<String> unverified, String reason) {
  public ClosureDecision {
    remaining = List.copyOf(remaining);
    unverified = List.copyOf(unverified);
  }

  /** Decides for a unit with {@code cves}, given every verdict recorded per CVE. */
  public static ClosureDecision decide(
      List<String> cves, Map<String, List<VerificationStatus>> verdictsByCve) {
    if (cves.isEmpty()) {
      return new ClosureDecision(
          false, List.of(), List.of(), "the unit names no CVE, so nothing can be verified");
    }
    List<String> remaining = new ArrayList<>();
    List<String> unverified = new ArrayList<>();
    for (String cve : cves) {
      List<VerificationStatus> verdicts =
          verdictsByCve.getOrDefault(cve.toUpperCase(Locale.ROOT), List.of());
      if (verdicts.contains(VerificationStatus.STILL_VULNERABLE)) {
        remaining.add(cve);
      } else if (verdicts.isEmpty() || verdicts.contains(VerificationStatus.UNKNOWN)) {
        unverified.add(cve);
      }
    }
    if (remaining.isEmpty() && unverified.isEmpty()) {
      return new ClosureDecision(
          true, remaining, unverified, "all " + cves.size() + " CVEs were verified fixed");
    }
    StringBuilder reason = new StringBuilder("kept open:");
    if (!remaining.isEmpty()) {
      reason.append(" still vulnerable to ").append(String.join(", ", remaining)).append(';');
    }
    if (!unverified.isEmpty()) {
      reason.append(" not verified: ").append(String.join(", ", unverified)).append(';');
    }
    reason.setLength(reason.length() - 1);
    return new ClosureDecision(false, remaining, unverified, reason.toString());
  }
}
