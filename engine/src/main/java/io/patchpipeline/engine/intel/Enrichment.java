package io.patchpipeline.engine.intel;

import java.util.Optional;

/**
 * The threat data found for one finding. An absent EPSS score means unknown, never zero.
 *
 * @param epssCve the CVE whose EPSS score was used (the highest among the finding's CVEs)
 */
public record Enrichment(
    Optional<EpssScore> epss, String epssCve, KevStatus kevStatus, Optional<KevEntry> kev) {
  public static final Enrichment UNKNOWN =
      new Enrichment(Optional.empty(), "", KevStatus.UNKNOWN, Optional.empty());
}
