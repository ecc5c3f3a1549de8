package io.patchpipeline.engine.intel;

import io.patchpipeline.engine.report.Finding;
import java.util.List;
import java.util.Optional;

/**
 * The threat data a run enriches findings with. Either source may be absent; then every finding's
 * value from it is unknown.
 */
public record ThreatIntel(Optional<EpssTable> epss, Optional<KevCatalog> kev) {
  public static final ThreatIntel NONE = new ThreatIntel(Optional.empty(), Optional.empty());

  /**
   * Enriches one finding: the highest EPSS score among its CVEs, and KEV status LISTED when any of
   * its CVEs is listed. A finding without any CVE id gets unknown values from both sources.
   */
  public Enrichment enrich(Finding finding) {
    List<String> cves = finding.cveIds();
    if (cves.isEmpty()) {
      return Enrichment.UNKNOWN;
    }
    Optional<EpssScore> best = Optional.empty();
    String bestCve = "";
    if (epss.isPresent()) {
      for (String cve : cves) {
        Optional<EpssScore> score = epss.get().lookup(cve);
        if (score.isPresent() && (best.isEmpty() || score.get().epss() > best.get().epss())) {
          best = score;
          bestCve = cve;
        }
      }
    }
    if (kev.isEmpty()) {
      return new Enrichment(best, bestCve, KevStatus.UNKNOWN, Optional.empty());
    }
    for (String cve : cves) {
      Optional<KevEntry> entry = kev.get().lookup(cve);
      if (entry.isPresent()) {
        return new Enrichment(best, bestCve, KevStatus.LISTED, entry);
      }
    }
    return new Enrichment(best, bestCve, KevStatus.NOT_LISTED, Optional.empty());
  }
}
