package io.patchpipeline.engine.policy;

import io.patchpipeline.engine.core.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The conditions of one policy rule; every condition that is set must hold. A condition on an
 * unknown value (no EPSS score, no KEV catalog, no CVSS, an unknown asset's tier) does not hold.
 *
 * @param kev the finding's KEV status must be listed (true) or not listed (false)
 * @param ransomware KEV marks the CVE as used in ransomware campaigns
 * @param epssAtLeast EPSS score at or above this probability
 * @param cvssAtLeast highest CVSS base score at or above this value
 * @param severityAtLeast vendor severity at or above this level (critical, high, medium, low)
 * @param criticality the asset's tier is one of these
 * @param exposure the asset's exposure is one of these
 * @param environment the asset's environment is one of these
 * @param unrated the finding has no CVSS score and an unknown severity
 */
public record Condition(
    Boolean kev,
    Boolean ransomware,
    Double epssAtLeast,
    Double cvssAtLeast,
    String severityAtLeast,
    List<String> criticality,
    List<String> exposure,
    List<String> environment,
    Boolean unrated) {

  /** Returns whether every set condition holds for {@code facts}. */
  public boolean holds(RiskFacts facts) {
    return (kev == null || kevHolds(facts))
        && (ransomware == null || facts.knownRansomwareUse() == ransomware)
        && (epssAtLeast == null || facts.epss().map(e -> e >= epssAtLeast).orElse(false))
        && (cvssAtLeast == null || facts.cvss().map(c -> c >= cvssAtLeast).orElse(false))
        && (severityAtLeast == null || severityHolds(facts.severity()))
        && (criticality == null || contains(criticality, facts.asset().criticality().name()))
        && (exposure == null || contains(exposure, facts.asset().exposure().name()))
        && (environment == null || contains(environment, facts.asset().environment()))
        && (unrated == null || facts.unrated() == unrated);
  }

  /** Returns the values this condition reads, as the record stores them for replay. */
  public Map<String, String> inputs(RiskFacts facts) {
    Map<String, String> read = new LinkedHashMap<>();
    if (kev != null || ransomware != null) {
      read.put("kev", facts.kev().name());
      read.put("ransomware", String.valueOf(facts.knownRansomwareUse()));
    }
    if (epssAtLeast != null) {
      read.put("epss", facts.epss().map(String::valueOf).orElse("unknown"));
    }
    if (cvssAtLeast != null || unrated != null) {
      read.put("cvss", facts.cvss().map(String::valueOf).orElse("unknown"));
    }
    if (severityAtLeast != null || unrated != null) {
      read.put("severity", facts.severity().name());
    }
    if (criticality != null) {
      read.put("criticality", facts.asset().criticality().name());
    }
    if (exposure != null) {
      read.put("exposure", facts.asset().exposure().name());
    }
    if (environment != null) {
      read.put("environment", facts.asset().environment());
    }
    return read;
  }

  private boolean kevHolds(RiskFacts facts) {
    return switch (facts.kev()) {
      case LISTED -> kev;
      case NOT_LISTED -> !kev;
      case UNKNOWN -> false;
    };
  }

  private boolean severityHolds(Severity actual) {
    Severity threshold = Severity.parse(severityAtLeast);
    return actual != Severity.UNKNOWN && (actual == threshold || actual.isWorseThan(threshold));
  }

  private static boolean contains(List<String> allowed, String value) {
    String wanted = value.toLowerCase(Locale.ROOT);
    return allowed.stream().anyMatch(a -> a.trim().toLowerCase(Locale.ROOT).equals(wanted));
  }
}
