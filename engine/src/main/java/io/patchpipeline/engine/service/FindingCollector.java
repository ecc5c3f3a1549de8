package io.patchpipeline.engine.service;

import io.patchpipeline.engine.asset.Asset;
import io.patchpipeline.engine.asset.Inventory;
import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.intel.Enrichment;
import io.patchpipeline.engine.intel.EpssScore;
import io.patchpipeline.engine.intel.KevEntry;
import io.patchpipeline.engine.intel.ThreatIntel;
import io.patchpipeline.engine.policy.RiskFacts;
import io.patchpipeline.engine.record.Exclusion;
import io.patchpipeline.engine.report.CvssScore;
import io.patchpipeline.engine.report.Finding;
import io.patchpipeline.engine.report.FindingSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Receives the findings of every report of a run, maps each to its asset, enriches it and merges
 * duplicates: the same vulnerability in the same package version on the same asset counts once,
 * however many layers, targets or reports show it.
 */
final class FindingCollector implements FindingSink {
  private final Inventory inventory;
  private final ThreatIntel intel;
  private final Map<String, MergedFinding> byKey = new LinkedHashMap<>();
  private final List<Exclusion> excluded = new ArrayList<>();
  private final TreeSet<String> unknownAssets = new TreeSet<>();
  private final List<String> warnings = new ArrayList<>();
  private long received;

  FindingCollector(Inventory inventory, ThreatIntel intel) {
    this.inventory = inventory;
    this.intel = intel;
  }

  @Override
  public void accept(Finding finding) {
    received++;
    Asset asset = inventory.resolve(finding.target());
    if (!asset.known()) {
      unknownAssets.add(asset.id());
    }
    String key = dedupKey(finding, asset);
    MergedFinding existing = byKey.get(key);
    if (existing != null) {
      existing.merge(finding);
      return;
    }
    byKey.put(key, new MergedFinding(id(key), finding, asset, intel.enrich(finding)));
  }

  @Override
  public void excluded(Finding finding, String state, String justification) {
    excluded.add(
        new Exclusion(
            finding.vulnerabilityId(),
            finding.pkg().name(),
            finding.target().name(),
            state,
            justification,
            finding.report()));
  }

  @Override
  public void warning(String text) {
    warnings.add(text);
  }

  long received() {
    return received;
  }

  List<MergedFinding> findings() {
    return new ArrayList<>(byKey.values());
  }

  List<Exclusion> excluded() {
    return excluded;
  }

  List<String> unknownAssets() {
    return new ArrayList<>(unknownAssets);
  }

  List<String> warnings() {
    return warnings;
  }

  private static String dedupKey(Finding finding, Asset asset) {
    return finding.canonicalId()
        + '\u0000'
        + finding.pkg().ecosystem()
        + '\u0000'
        + finding.pkg().name()
        + '\u0000'
        + finding.pkg().installedVersion()
        + '\u0000'
        + asset.id();
  }

  private static String id(String key) {
    return "F-" + Hashing.sha256(key).substring(0, 16);
  }

  /** One deduplicated finding while reports are still being read. */
  static final class MergedFinding {
    final String id;
    final Finding first;
    final Asset asset;
    final Enrichment enrichment;
    final LinkedHashSet<String> aliases = new LinkedHashSet<>();
    final LinkedHashSet<String> targets = new LinkedHashSet<>();
    final LinkedHashSet<String> reports = new LinkedHashSet<>();
    final LinkedHashSet<String> scanners = new LinkedHashSet<>();
    final LinkedHashSet<String> vectors = new LinkedHashSet<>();
    Optional<LinkedHashSet<String>> fixedVersions = Optional.empty();
    double maxCvss;

    Severity severity = Severity.UNKNOWN;
    String severitySource = "";

    MergedFinding(String id, Finding first, Asset asset, Enrichment enrichment) {
      this.id = id;
      this.first = first;
      this.asset = asset;
      this.enrichment = enrichment;
      this.maxCvss = Double.NaN;
      merge(first);
    }

    void merge(Finding finding) {
      aliases.addAll(finding.aliases());
      targets.add(finding.target().name());
      reports.add(finding.report());
      if (!finding.scanner().name().isEmpty()) {
        scanners.add((finding.scanner().name() + " " + finding.scanner().version()).trim());
      }
      for (CvssScore score : finding.cvss()) {
        if (!score.vector().isEmpty()) {
          vectors.add(score.vector());
        }
      }
      if (severity == Severity.UNKNOWN || finding.severity().isWorseThan(severity)) {
        severity = finding.severity();
        severitySource = finding.severitySource();
      }
      double score = finding.maxCvssScore();
      if (!Double.isNaN(score) && (Double.isNaN(maxCvss) || score > maxCvss)) {
        maxCvss = score;
      }
      finding
          .fixedVersions()
          .ifPresent(
              versions -> {
                LinkedHashSet<String> merged = fixedVersions.orElseGet(LinkedHashSet::new);
                merged.addAll(versions);
                fixedVersions = Optional.of(merged);
              });
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
  }
}
