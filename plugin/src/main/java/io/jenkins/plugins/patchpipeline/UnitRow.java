package io.jenkins.plugins.patchpipeline;

import io.patchpipeline.engine.record.RemediationUnit;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** One line of the report page: a remediation unit with the texts its table cells show. */
public final class UnitRow {
  /** Sorts as text in the same order as time; minutes are enough for SLA due dates. */
  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final int MAX_SHOWN = 10;

  private final RemediationUnit unit;

  UnitRow(RemediationUnit unit) {
    this.unit = unit;
  }

  public String getId() {
    return unit.id();
  }

  public String getPriority() {
    return unit.priority().name();
  }

  public String getDueDate() {
    return DUE.format(unit.dueDate());
  }

  public String getPackageName() {
    return unit.packageName();
  }

  public String getFixedVersion() {
    return unit.hasFix() ? unit.fixedVersion() : "-";
  }

  public String getCves() {
    return shortList(unit.cves());
  }

  public String getAssets() {
    return shortList(unit.assets());
  }

  public String getAssetGroup() {
    return unit.assetGroup();
  }

  public boolean isKev() {
    return unit.kev();
  }

  public boolean isNeedsTicket() {
    return unit.needsTicket();
  }

  /** Joins up to ten values and counts the rest, so that one unit cannot fill the page. */
  static String shortList(List<String> values) {
    String shown = String.join(", ", values.subList(0, Math.min(MAX_SHOWN, values.size())));
    return values.size() > MAX_SHOWN ? shown + " (+" + (values.size() - MAX_SHOWN) + ")" : shown;
  }
}
