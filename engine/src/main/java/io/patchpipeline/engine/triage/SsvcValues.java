package io.patchpipeline.engine.triage;

import java.util.Optional;

/**
 * The SSVC decision points that a CVE's entry in CISA Vulnrichment (or a team's own analysis)
 * provides and that scanner reports do not: whether exploitation is automatable, and whether the
 * technical impact is partial or total. Absent means unknown.
 */
public record SsvcValues(Optional<Boolean> automatable, Optional<TechnicalImpact> technicalImpact) {
  public static final SsvcValues UNKNOWN = new SsvcValues(Optional.empty(), Optional.empty());

  /** The SSVC Technical Impact decision point. */
  public enum TechnicalImpact {
    PARTIAL,
    TOTAL
  }
}
