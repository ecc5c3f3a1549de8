package io.patchpipeline.engine.service;

import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.InputFile;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.record.UnitFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The small summary of a Detect run that front ends print and that a Jenkinsfile branches on. Lists
 * are capped at {@link #MAX_LISTED} entries so that a large run never floods a build's program
 * state; the full data stays in the record.
 */
public record DetectSummary(
    int reports,
    int findings,
    int excluded,
    Map<Priority, Integer> unitsByPriority,
    List<RemediationUnit> units,
    List<String> kevCves,
    List<String> unknownAssets,
    int ticketsNeeded,
    Instant earliestDue) {

  public static final int MAX_LISTED = 200;

  public static DetectSummary of(PatchRecord record) {
    return of(
        record.units(),
        record.findings(),
        record.inputs(),
        record.excluded().size(),
        record.unknownAssets());
  }

  static DetectSummary of(
      List<RemediationUnit> units,
      List<UnitFinding> findings,
      List<InputFile> inputs,
      int excluded,
      List<String> unknownAssets) {
    Map<Priority, Integer> byPriority = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      byPriority.put(p, 0);
    }
    units.forEach(u -> byPriority.merge(u.priority(), 1, Integer::sum));
    List<RemediationUnit> sorted = new ArrayList<>(units);
    sorted.sort(
        Comparator.comparing(RemediationUnit::priority).thenComparing(RemediationUnit::dueDate));
    TreeSet<String> kev = new TreeSet<>();
    for (UnitFinding finding : findings) {
      if (finding.kev() == KevStatus.LISTED) {
        kev.addAll(finding.cves());
      }
    }
    return new DetectSummary(
        (int) inputs.stream().filter(i -> i.role().equals("report")).count(),
        findings.size(),
        excluded,
        byPriority,
        sorted,
        new ArrayList<>(kev),
        unknownAssets,
        (int) units.stream().filter(RemediationUnit::needsTicket).count(),
        sorted.isEmpty()
            ? null
            : sorted.stream().map(RemediationUnit::dueDate).min(Instant::compareTo).get());
  }

  /**
   * Returns the summary as plain maps, lists, strings, numbers and booleans, which is what a
   * Jenkinsfile may safely hold.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("reports", reports);
    map.put("findings", findings);
    map.put("excluded", excluded);
    map.put("units", units.size());
    Map<String, Object> priorities = new LinkedHashMap<>();
    unitsByPriority.forEach((p, n) -> priorities.put(p.name(), n));
    map.put("priorities", priorities);
    map.put("ticketsNeeded", ticketsNeeded);
    map.put("kevCves", cap(kevCves));
    map.put("unknownAssets", cap(unknownAssets));
    List<Object> listed = new ArrayList<>();
    for (RemediationUnit unit : units.subList(0, Math.min(MAX_LISTED, units.size()))) {
      listed.add(unitMap(unit));
    }
    map.put("unitList", listed);
    map.put("unitListTruncated", units.size() > MAX_LISTED);
    return map;
  }

  private static Map<String, Object> unitMap(RemediationUnit unit) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", unit.id());
    map.put("priority", unit.priority().name());
    map.put("dueDate", unit.dueDate().toString());
    map.put("package", unit.packageName());
    map.put("fixedVersion", unit.fixedVersion());
    map.put("assetGroup", unit.assetGroup());
    map.put("cves", new ArrayList<>(unit.cves()));
    map.put("assets", unit.assets().size());
    map.put("kev", unit.kev());
    map.put("needsTicket", unit.needsTicket());
    map.put("complexity", unit.complexity().name());
    return map;
  }

  private static List<String> cap(List<String> values) {
    return new ArrayList<>(values.subList(0, Math.min(MAX_LISTED, values.size())));
  }
}
