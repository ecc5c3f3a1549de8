package io.patchpipeline.engine.service;

import io.patchpipeline.engine.asset.Asset;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.intel.Enrichment;
import io.patchpipeline.engine.intel.EpssScore;
import io.patchpipeline.engine.intel.KevEntry;
import io.patchpipeline.engine.policy.RiskFacts;
import io.patchpipeline.engine.report.CvssScore;
import io.patchpipeline.engine.report.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One deduplicated finding while reports are still being read. It keeps the first finding and only
 * what later duplicates add, in small lists, because a run may hold 100,000 of them.
 */
final class MergedFinding {
  final Finding first;
  final Asset asset;
  final Enrichment enrichment;
  final String purl;
  final List<String> aliases = new ArrayList<>(2);
  final List<String> targets = new ArrayList<>(1);
  final List<String> reports = new ArrayList<>(1);
  final List<String> scanners = new ArrayList<>(1);
  final List<String> vectors = new ArrayList<>(2);
  List<String> fixedVersions;
  double maxCvss = Double.NaN;
  Severity severity = Severity.UNKNOWN;
  String severitySource = "";

  MergedFinding(Finding first, Asset asset, Enrichment enrichment, StringPool pool) {
    this.first = first;
    this.asset = asset;
    this.enrichment = enrichment;
    this.purl = pool.of(first.pkg().purl());
    merge(first, pool);
  }

  void merge(Finding finding, StringPool pool) {
    for (String alias : finding.aliases()) {
      addUnique(aliases, pool.of(alias));
    }
    addUnique(targets, pool.of(finding.target().name()));
    addUnique(reports, pool.of(finding.report()));
    if (!finding.scanner().name().isEmpty()) {
      addUnique(
          scanners, pool.of((finding.scanner().name() + " " + finding.scanner().version()).trim()));
    }
    for (CvssScore score : finding.cvss()) {
      if (!score.vector().isEmpty()) {
        addUnique(vectors, pool.of(score.vector()));
      }
    }
    if (severity == Severity.UNKNOWN || finding.severity().isWorseThan(severity)) {
      severity = finding.severity();
      severitySource = pool.of(finding.severitySource());
    }
    double score = finding.maxCvssScore();
    if (!Double.isNaN(score) && (Double.isNaN(maxCvss) || score > maxCvss)) {
      maxCvss = score;
    }
    if (finding.fixedVersions().isPresent()) {
      if (fixedVersions == null) {
        fixedVersions = new ArrayList<>(1);
      }
      for (String version : finding.fixedVersions().get()) {
        addUnique(fixedVersions, pool.of(version));
      }
    }
  }

  /** Returns the facts the policy decides on, from every report that showed this finding. */
  RiskFacts facts() {
    return new RiskFacts(
        enrichment.kevStatus(),
        enrichment.kev().map(KevEntry::knownRansomwareUse).orElse(false),
        enrichment.epss().map(EpssScore::epss),
        Double.isNaN(maxCvss) ? Optional.empty() : Optional.of(maxCvss),
        severity,
        asset);
  }

  private static void addUnique(List<String> values, String value) {
    if (!values.contains(value)) {
      values.add(value);
    }
  }
}
