package io.patchpipeline.engine.service;

import io.patchpipeline.engine.policy.Priority;
import java.util.List;
import java.util.Locale;

/** The one-line texts of a Detect summary, shared by the CLI and the Jenkins console. */
public final class SummaryText {
  private static final int FEW = 5;

  private SummaryText() {}

  /**
   * Returns a line such as {@code Read 3 reports, 1,204 findings (1,310 before deduplication), 37
   * remediation units: 2 P0, 5 P1, 20 P2, 10 P3; 7 need a ticket}.
   */
  public static String headline(DetectSummary summary, long beforeDedup) {
    StringBuilder line = new StringBuilder();
    line.append("Read ")
        .append(count(summary.reports(), "report", "reports"))
        .append(", ")
        .append(count(summary.findings(), "finding", "findings"));
    if (beforeDedup > summary.findings()) {
      line.append(" (").append(number(beforeDedup)).append(" before deduplication)");
    }
    line.append(", ")
        .append(count(summary.units().size(), "remediation unit", "remediation units"));
    if (!summary.units().isEmpty()) {
      line.append(": ");
      boolean first = true;
      for (Priority priority : Priority.values()) {
        line.append(first ? "" : ", ")
            .append(summary.unitsByPriority().get(priority))
            .append(' ')
            .append(priority);
        first = false;
      }
    }
    line.append("; ").append(summary.ticketsNeeded()).append(" need a ticket");
    if (summary.excluded() > 0) {
      line.append("; ")
          .append(count(summary.excluded(), "finding", "findings"))
          .append(" excluded by VEX");
    }
    return line.toString();
  }

  /** Returns up to five values joined by commas, with "and N more" after them. */
  public static String firstFew(List<String> values) {
    String shown = String.join(", ", values.subList(0, Math.min(FEW, values.size())));
    return values.size() > FEW ? shown + " and " + (values.size() - FEW) + " more" : shown;
  }

  static String count(long n, String one, String many) {
    return number(n) + " " + (n == 1 ? one : many);
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
