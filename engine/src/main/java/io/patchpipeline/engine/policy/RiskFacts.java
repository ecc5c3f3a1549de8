package io.patchpipeline.engine.policy;

import io.patchpipeline.engine.asset.Asset;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.intel.Enrichment;
import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.report.Finding;
import java.util.Optional;

/**
 * The values a policy rule may read about one finding. Absent means unknown: a condition on an
 * unknown value never holds.
 */
public record RiskFacts(
    KevStatus kev,
    boolean knownRansomwareUse,
    Optional<Double> epss,
    Optional<Double> cvss,
    Severity severity,
    Asset asset) {

  public static RiskFacts of(Finding finding, Enrichment enrichment, Asset asset) {
    double cvss = finding.maxCvssScore();
    return new RiskFacts(
        enrichment.kevStatus(),
        enrichment.kev().map(k -> k.knownRansomwareUse()).orElse(false),
        enrichment.epss().map(s -> s.epss()),
        Double.isNaN(cvss) ? Optional.empty() : Optional.of(cvss),
        finding.severity(),
        asset);
  }

  /** Returns whether the finding has no rating at all: no CVSS score and an unknown severity. */
  public boolean unrated() {
    return cvss.isEmpty() && severity == Severity.UNKNOWN;
  }
}
