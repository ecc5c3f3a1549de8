package io.patchpipeline.engine.ledger;

import io.patchpipeline.engine.core.AtomicFiles;
import io.patchpipeline.engine.ledger.LedgerMetrics.BacklogBucket;
import io.patchpipeline.engine.ledger.LedgerMetrics.Compliance;
import io.patchpipeline.engine.ledger.LedgerMetrics.MttrPoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The ledger's report as one self-contained HTML file: inline CSS, charts as inline SVG, and the
 * same figures in tables. It loads nothing from anywhere, so it opens offline and as a build
 * artifact; all text from the ledger is escaped.
 */
public final class HtmlReport {
  private static final String STYLE =
      ".patch-pipeline-report{font-family:system-ui,sans-serif;color:#222}"
          + ".patch-pipeline-report table{border-collapse:collapse;margin:1em 0}"
          + ".patch-pipeline-report td,.patch-pipeline-report th{border:1px solid #ccc;"
          + "padding:4px 8px;text-align:right}"
          + ".patch-pipeline-report th:first-child,.patch-pipeline-report td:first-child"
          + "{text-align:left}"
          + ".patch-pipeline-report svg text{font-size:11px;fill:#333}"
          + ".patch-pipeline-report .empty{color:#777}";

  private HtmlReport() {}

  /** Writes the report of {@code units} as of {@code now} to {@code file}, atomically. */
  public static void write(Path file, String title, List<LedgerUnit> units, Instant now)
      throws IOException {
    AtomicFiles.write(file, render(title, units, now).getBytes(StandardCharsets.UTF_8));
  }

  /** Renders the report of {@code units} as of {@code now}. */
  public static String render(String title, List<LedgerUnit> units, Instant now) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        + "<title>"
        + Html.escape(title)
        + "</title><style>body{font-family:system-ui,sans-serif;margin:2em}</style></head><body>"
        + "<h1>"
        + Html.escape(title)
        + "</h1>"
        + renderBody(units, now)
        + "</body></html>\n";
  }

  /**
   * Renders the report's content without the document around it, for a page that has its own
   * header: a scoped style element, the summary line, and each chart with its table.
   */
  public static String renderBody(List<LedgerUnit> units, Instant now) {
    List<MttrPoint> mttr = LedgerMetrics.mttrByPriority(units);
    List<Compliance> byPriority = LedgerMetrics.complianceByPriority(units);
    List<Compliance> byTeam = LedgerMetrics.complianceByTeam(units);
    List<BacklogBucket> backlog = LedgerMetrics.openBacklogByAge(units, now);
    StringBuilder html = new StringBuilder(16_384);
    html.append("<div class=\"patch-pipeline-report\"><style>")
        .append(STYLE)
        .append("</style>")
        .append("<p>As of ")
        .append(now)
        .append(": ")
        .append(units.size())
        .append(" units, ")
        .append(units.stream().filter(LedgerUnit::isOpen).count())
        .append(" open.</p>");
    html.append("<h2>Mean time to remediate by priority</h2>")
        .append(SvgCharts.mttr(mttr))
        .append(mttrTable(mttr));
    html.append("<h2>SLA compliance by priority</h2>")
        .append(SvgCharts.compliance("SLA compliance by priority", byPriority))
        .append(complianceTable("Priority", byPriority));
    html.append("<h2>SLA compliance by team</h2>")
        .append(SvgCharts.compliance("SLA compliance by team", byTeam))
        .append(complianceTable("Team", byTeam));
    html.append("<h2>Open backlog by age</h2>")
        .append(SvgCharts.backlog(backlog))
        .append(backlogTable(backlog));
    return html.append("</div>").toString();
  }

  private static String mttrTable(List<MttrPoint> points) {
    StringBuilder table =
        new StringBuilder(
            "<table id=\"mttr\"><tr><th>Month</th><th>Priority</th><th>Closed</th><th>Mean hours</th></tr>");
    for (MttrPoint point : points) {
      table
          .append("<tr><td>")
          .append(point.month())
          .append("</td><td>")
          .append(point.priority())
          .append("</td><td>")
          .append(point.closed())
          .append("</td><td>")
          .append(Html.number(point.meanHours()))
          .append("</td></tr>");
    }
    return table.append("</table>").toString();
  }

  private static String complianceTable(String heading, List<Compliance> groups) {
    StringBuilder table =
        new StringBuilder(
                "<table id=\"compliance-"
                    + heading.toLowerCase(java.util.Locale.ROOT)
                    + "\"><tr><th>")
            .append(heading)
            .append("</th><th>Met</th><th>Breached</th><th>Compliance %</th></tr>");
    for (Compliance group : groups) {
      table
          .append("<tr><td>")
          .append(Html.escape(group.group()))
          .append("</td><td>")
          .append(group.met())
          .append("</td><td>")
          .append(group.breached())
          .append("</td><td>")
          .append(Html.number(group.ratio() * 100))
          .append("</td></tr>");
    }
    return table.append("</table>").toString();
  }

  private static String backlogTable(List<BacklogBucket> buckets) {
    StringBuilder table =
        new StringBuilder(
            "<table id=\"backlog\"><tr><th>Age</th><th>Priority</th><th>Open</th></tr>");
    for (BacklogBucket bucket : buckets) {
      table
          .append("<tr><td>")
          .append(bucket.label())
          .append("</td><td>")
          .append(bucket.priority())
          .append("</td><td>")
          .append(bucket.open())
          .append("</td></tr>");
    }
    return table.append("</table>").toString();
  }
}
