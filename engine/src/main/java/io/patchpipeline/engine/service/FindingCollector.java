package io.patchpipeline.engine.service;

import io.patchpipeline.engine.asset.Asset;
import io.patchpipeline.engine.asset.Inventory;
import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.intel.ThreatIntel;
import io.patchpipeline.engine.record.Exclusion;
import io.patchpipeline.engine.report.Finding;
import io.patchpipeline.engine.report.FindingSink;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Receives the findings of every report of a run, maps each to its asset, enriches it and merges
 * duplicates: the same vulnerability in the same package version on the same asset counts once,
 * however many layers, targets or reports show it.
 */
final class FindingCollector implements FindingSink {
  private final Inventory inventory;
  private final ThreatIntel intel;
  private final StringPool pool = new StringPool();
  private final Map<Key, MergedFinding> byKey = new LinkedHashMap<>();
  private final List<Exclusion> excluded = new ArrayList<>();
  private final TreeSet<String> unknownAssets = new TreeSet<>();
  private final List<String> warnings = new ArrayList<>();
  private long received;

  /** The identity of a finding across layers, targets and reports. */
  record Key(String id, String ecosystem, String packageName, String version, String assetId) {
    /** Returns the finding's stable id: a hash of the key's parts. */
    String findingId() {
      String joined = String.join("\u0000", id, ecosystem, packageName, version, assetId);
      return "F-" + Hashing.sha256(joined).substring(0, 16);
    }
  }

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
    Key key =
        new Key(
            finding.canonicalId(),
            pool.of(finding.pkg().ecosystem()),
            pool.of(finding.pkg().name()),
            pool.of(finding.pkg().installedVersion()),
            pool.of(asset.id()));
    MergedFinding existing = byKey.get(key);
    if (existing != null) {
      existing.merge(finding, pool);
    } else {
      byKey.put(key, new MergedFinding(finding, asset, intel.enrich(finding), pool));
    }
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

  /**
   * Converts every merged finding in reading order and releases each as it goes, so that a large
   * run never holds both forms of all its findings at once.
   */
  <T> List<T> drain(BiFunction<Key, MergedFinding, T> convert) {
    List<T> result = new ArrayList<>(byKey.size());
    Iterator<Map.Entry<Key, MergedFinding>> entries = byKey.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<Key, MergedFinding> entry = entries.next();
      result.add(convert.apply(entry.getKey(), entry.getValue()));
      entries.remove();
    }
    return result;
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
}
