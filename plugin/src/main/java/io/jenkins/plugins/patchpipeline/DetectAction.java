package io.jenkins.plugins.patchpipeline;

import hudson.model.Run;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;

/**
 * The Detect result of a build: counts on the build page and, under {@code patch-pipeline/}, a
 * sortable table of the remediation units read from the record in the build folder. Only the counts
 * are saved in {@code build.xml}; the units stay in the record.
 */
public final class DetectAction implements RunAction2 {
  private final int reports;
  private final int findings;
  private final int units;
  private final int ticketsNeeded;
  private final int kevCves;
  private final int unknownAssets;
  private final LinkedHashMap<String, Integer> priorities;

  private transient Run<?, ?> run;

  DetectAction(
      int reports,
      int findings,
      int units,
      int ticketsNeeded,
      int kevCves,
      int unknownAssets,
      Map<String, Integer> priorities) {
    this.reports = reports;
    this.findings = findings;
    this.units = units;
    this.ticketsNeeded = ticketsNeeded;
    this.kevCves = kevCves;
    this.unknownAssets = unknownAssets;
    this.priorities = new LinkedHashMap<>(priorities);
  }

  /** Takes the counts from the map that {@code DetectSummary.toMap()} returns. */
  static DetectAction of(Map<String, Object> summary) {
    Map<String, Integer> byPriority = new LinkedHashMap<>();
    if (summary.get("priorities") instanceof Map<?, ?> map) {
      for (Priority priority : Priority.values()) {
        byPriority.put(priority.name(), number(map.get(priority.name())));
      }
    }
    return new DetectAction(
        number(summary.get("reports")),
        number(summary.get("findings")),
        number(summary.get("units")),
        number(summary.get("ticketsNeeded")),
        number(summary.get("kevCveCount")),
        number(summary.get("unknownAssetCount")),
        byPriority);
  }

  @Override
  public String getIconFileName() {
    return "document.png";
  }

  @Override
  public String getDisplayName() {
    return Messages.DetectAction_DisplayName();
  }

  @Override
  public String getUrlName() {
    return "patch-pipeline";
  }

  @Override
  public void onAttached(Run<?, ?> r) {
    this.run = r;
  }

  @Override
  public void onLoad(Run<?, ?> r) {
    this.run = r;
  }

  public Run<?, ?> getRun() {
    return run;
  }

  public int getReports() {
    return reports;
  }

  public int getFindings() {
    return findings;
  }

  public int getUnits() {
    return units;
  }

  public int getTicketsNeeded() {
    return ticketsNeeded;
  }

  public int getKevCves() {
    return kevCves;
  }

  public int getUnknownAssets() {
    return unknownAssets;
  }

  /** Returns the number of units per priority, {@code P0} first. */
  public Map<String, Integer> getPriorities() {
    return new LinkedHashMap<>(priorities);
  }

  /**
   * Reads the units from the record in the build folder, most urgent first.
   *
   * @throws IOException when the record is missing or unreadable, for example after the build
   *     folder was cleaned by hand
   */
  public List<UnitRow> getUnitRows() throws IOException {
    PatchRecord record = BuildRecords.read(run);
    List<UnitRow> rows = new ArrayList<>();
    record.units().stream()
        .sorted(
            Comparator.comparing(RemediationUnit::priority).thenComparing(RemediationUnit::dueDate))
        .forEach(u -> rows.add(new UnitRow(u)));
    return rows;
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
