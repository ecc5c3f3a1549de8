package io.patchpipeline.cli;

import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.service.DetectResult;
import io.patchpipeline.engine.service.DetectSummary;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Prints a Detect summary as text: the counts, then one line per unit, most urgent first. */
final class SummaryPrinter {
  /** Units listed in full before the rest are only counted. */
  static final int MAX_UNITS = 25;

  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private SummaryPrinter() {}

  static void print(DetectResult result, PrintWriter out) {
    for (Message message : result.messages().list()) {
      if (message.level() == Message.Level.INFO) {
        out.println(Terminal.safe(message.text()));
      }
    }
    DetectSummary summary = result.summary();
    if (!result.record().intel().kevCatalogVersion().isEmpty()
        || !result.record().intel().epssModelVersion().isEmpty()) {
      out.println(
          "Threat data: KEV catalog "
              + orNone(result.record().intel().kevCatalogVersion())
              + ", EPSS model "
              + orNone(result.record().intel().epssModelVersion())
              + result.record().intel().epssScoreDate().map(d -> " scored " + d).orElse(""));
    }
    List<RemediationUnit> units = summary.units();
    java.time.Instant now = java.time.Instant.now();
    if (units.isEmpty()) {
      return;
    }
    out.println();
    out.println(
        String.format(
            Locale.ROOT,
            "%-3s %-13s %-22s %-30s %-20s %s",
            "PRI",
            "UNIT",
            "DUE",
            "FIX",
            "ASSETS",
            "CVES"));
    for (RemediationUnit unit : units.subList(0, Math.min(MAX_UNITS, units.size()))) {
      out.println(Terminal.safe(line(unit, now)));
    }
    if (units.size() > MAX_UNITS) {
      out.println("... and " + (units.size() - MAX_UNITS) + " more units in the record");
    }
  }

  private static String line(RemediationUnit unit, java.time.Instant now) {
    String fix =
        (unit.packageName().isEmpty()
                ? unit.vulnerabilityIds().get(0)
                : shortName(unit.packageName()))
            + " -> "
            + (unit.hasFix() ? unit.fixedVersion() : "no fix");
    String assets =
        unit.assetGroup() + (unit.assets().size() > 1 ? " (" + unit.assets().size() + ")" : "");
    String cves =
        (unit.cves().isEmpty()
                ? String.join(" ", unit.vulnerabilityIds())
                : String.join(" ", firstThree(unit.cves())))
            + (unit.cves().size() > 3 ? " +" + (unit.cves().size() - 3) : "")
            + (unit.kev() ? " [KEV]" : "")
            + (unit.dueDate().isBefore(now) ? " [OVERDUE]" : "")
            + (unit.needsTicket() ? " [ticket]" : "");
    return String.format(
        Locale.ROOT,
        "%-3s %-13s %-22s %-30s %-20s %s",
        unit.priority(),
        unit.id(),
        DUE.format(unit.dueDate()),
        truncate(fix, 30),
        truncate(assets, 20),
        cves);
  }

  /** Returns a Maven {@code group:artifact} name as the artifact alone, to fit the column. */
  private static String shortName(String packageName) {
    int colon = packageName.lastIndexOf(':');
    return colon < 0 ? packageName : packageName.substring(colon + 1);
  }

  private static List<String> firstThree(List<String> values) {
    return values.subList(0, Math.min(3, values.size()));
  }

  private static String truncate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }

  private static String orNone(String value) {
    return value.isEmpty() ? "not loaded" : value;
  }
}
