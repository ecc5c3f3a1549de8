package io.patchpipeline.engine.ledger;

import io.patchpipeline.engine.ledger.LedgerMetrics.BacklogBucket;
import io.patchpipeline.engine.ledger.LedgerMetrics.Compliance;
import io.patchpipeline.engine.ledger.LedgerMetrics.MttrPoint;
import io.patchpipeline.engine.policy.Priority;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Inline SVG charts of the ledger's figures; every value also sits in a {@code data-value}. */
final class SvgCharts {
  private static final int WIDTH = 640;
  private static final int HEIGHT = 260;
  private static final int LEFT = 60;
  private static final int BOTTOM = 40;
  private static final int TOP = 20;
  private static final Map<Priority, String> COLORS =
      Map.of(
          Priority.P0,
          "#b2182b",
          Priority.P1,
          "#ef8a62",
          Priority.P2,
          "#67a9cf",
          Priority.P3,
          "#2166ac");

  private SvgCharts() {}

  /** Draws one line per priority: mean hours to remediate per month of closure. */
  static String mttr(List<MttrPoint> points) {
    if (points.isEmpty()) {
      return empty("No unit was closed yet.");
    }
    List<YearMonth> months =
        List.copyOf(new TreeSet<>(points.stream().map(MttrPoint::month).toList()));
    double max = points.stream().mapToDouble(MttrPoint::meanHours).max().orElse(1);
    StringBuilder svg = open("Mean time to remediate by priority, in hours, per month of closure");
    axis(svg, Html.number(max) + " h");
    double step = months.size() == 1 ? 0 : (WIDTH - LEFT - 20.0) / (months.size() - 1);
    for (int i = 0; i < months.size(); i++) {
      svg.append(text(LEFT + i * step, HEIGHT - BOTTOM + 16, months.get(i).toString(), "middle"));
    }
    Map<Priority, StringBuilder> lines = new TreeMap<>();
    for (MttrPoint point : points) {
      double x = LEFT + months.indexOf(point.month()) * step;
      double y = y(point.meanHours(), max);
      lines
          .computeIfAbsent(point.priority(), p -> new StringBuilder())
          .append(coord(x))
          .append(',')
          .append(coord(y))
          .append(' ');
      svg.append("<circle class=\"mttr\" cx=\"")
          .append(coord(x))
          .append("\" cy=\"")
          .append(coord(y))
          .append("\" r=\"4\" fill=\"")
          .append(COLORS.get(point.priority()))
          .append("\" data-month=\"")
          .append(point.month())
          .append("\" data-priority=\"")
          .append(point.priority())
          .append("\" data-value=\"")
          .append(Html.number(point.meanHours()))
          .append("\"><title>")
          .append(point.priority())
          .append(' ')
          .append(point.month())
          .append(": ")
          .append(Html.number(point.meanHours()))
          .append(" h over ")
          .append(point.closed())
          .append(" units</title></circle>");
    }
    lines.forEach(
        (priority, coords) ->
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
                .append(COLORS.get(priority))
                .append("\" points=\"")
                .append(coords.toString().trim())
                .append("\"/>"));
    legend(svg, lines.keySet());
    return svg.append("</svg>").toString();
  }

  /** Draws one horizontal bar per group: the share of units that met their SLA. */
  static String compliance(String title, List<Compliance> groups) {
    if (groups.isEmpty()) {
      return empty("No unit has an SLA outcome yet.");
    }
    int rowHeight = 28;
    int height = TOP + groups.size() * rowHeight + 10;
    StringBuilder svg =
        new StringBuilder(
                "<svg role=\"img\" viewBox=\"0 0 "
                    + WIDTH
                    + " "
                    + height
                    + "\" width=\""
                    + WIDTH
                    + "\" height=\""
                    + height
                    + "\"><title>")
            .append(Html.escape(title))
            .append("</title>");
    int barSpace = WIDTH - 160 - 120;
    for (int i = 0; i < groups.size(); i++) {
      Compliance group = groups.get(i);
      double ratio = group.ratio();
      int y = TOP + i * rowHeight;
      svg.append(text(150, y + 14, group.group(), "end"));
      svg.append("<rect x=\"160\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(barSpace)
          .append("\" height=\"18\" fill=\"#eeeeee\"/>");
      svg.append("<rect class=\"compliance\" x=\"160\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(coord(barSpace * ratio))
          .append("\" height=\"18\" fill=\"#1a9850\" data-group=\"")
          .append(Html.escape(group.group()))
          .append("\" data-value=\"")
          .append(Html.number(ratio * 100))
          .append("\"/>");
      svg.append(
          text(
              160 + barSpace + 8,
              y + 14,
              Html.number(ratio * 100)
                  + "% ("
                  + group.met()
                  + " of "
                  + (group.met() + group.breached())
                  + ")",
              "start"));
    }
    return svg.append("</svg>").toString();
  }

  /** Draws one stacked bar per age bucket, split by priority. */
  static String backlog(List<BacklogBucket> buckets) {
    if (buckets.isEmpty()) {
      return empty("No unit is open.");
    }
    List<String> labels = LedgerMetrics.ageLabels();
    Map<String, Integer> totals = new TreeMap<>();
    buckets.forEach(b -> totals.merge(b.label(), b.open(), Integer::sum));
    int max = totals.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    StringBuilder svg = open("Open units by age since detection, stacked by priority");
    axis(svg, max + " units");
    double slot = (WIDTH - LEFT - 20.0) / labels.size();
    TreeSet<Priority> seen = new TreeSet<>();
    for (int i = 0; i < labels.size(); i++) {
      double x = LEFT + i * slot + slot * 0.2;
      double base = HEIGHT - BOTTOM;
      svg.append(text(LEFT + i * slot + slot / 2, HEIGHT - BOTTOM + 16, labels.get(i), "middle"));
      for (BacklogBucket bucket : buckets) {
        if (!bucket.label().equals(labels.get(i))) {
          continue;
        }
        seen.add(bucket.priority());
        double h = (HEIGHT - BOTTOM - TOP) * bucket.open() / (double) max;
        base -= h;
        svg.append("<rect class=\"backlog\" x=\"")
            .append(coord(x))
            .append("\" y=\"")
            .append(coord(base))
            .append("\" width=\"")
            .append(coord(slot * 0.6))
            .append("\" height=\"")
            .append(coord(h))
            .append("\" fill=\"")
            .append(COLORS.get(bucket.priority()))
            .append("\" data-age=\"")
            .append(bucket.label())
            .append("\" data-priority=\"")
            .append(bucket.priority())
            .append("\" data-value=\"")
            .append(bucket.open())
            .append("\"><title>")
            .append(bucket.priority())
            .append(", ")
            .append(bucket.label())
            .append(": ")
            .append(bucket.open())
            .append("</title></rect>");
      }
    }
    legend(svg, seen);
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title) {
    return new StringBuilder(
            "<svg role=\"img\" viewBox=\"0 0 "
                + WIDTH
                + " "
                + HEIGHT
                + "\" width=\""
                + WIDTH
                + "\" height=\""
                + HEIGHT
                + "\"><title>")
        .append(Html.escape(title))
        .append("</title>");
  }

  private static void axis(StringBuilder svg, String maxLabel) {
    svg.append("<line x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(TOP)
        .append("\" x2=\"")
        .append(LEFT)
        .append("\" y2=\"")
        .append(HEIGHT - BOTTOM)
        .append("\" stroke=\"#555555\"/>");
    svg.append("<line x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(HEIGHT - BOTTOM)
        .append("\" x2=\"")
        .append(WIDTH - 10)
        .append("\" y2=\"")
        .append(HEIGHT - BOTTOM)
        .append("\" stroke=\"#555555\"/>");
    svg.append(text(LEFT - 6, TOP + 4, maxLabel, "end"));
    svg.append(text(LEFT - 6, HEIGHT - BOTTOM, "0", "end"));
  }

  private static void legend(StringBuilder svg, java.util.Set<Priority> priorities) {
    int x = LEFT;
    for (Priority priority : priorities) {
      svg.append("<rect x=\"")
          .append(x)
          .append("\" y=\"")
          .append(HEIGHT - 14)
          .append("\" width=\"10\" height=\"10\" fill=\"")
          .append(COLORS.get(priority))
          .append("\"/>");
      svg.append(text(x + 14, HEIGHT - 5, priority.name(), "start"));
      x += 60;
    }
  }

  private static double y(double value, double max) {
    return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * (max == 0 ? 0 : value / max);
  }

  private static String text(double x, double y, String content, String anchor) {
    return "<text x=\""
        + coord(x)
        + "\" y=\""
        + coord(y)
        + "\" text-anchor=\""
        + anchor
        + "\">"
        + Html.escape(content)
        + "</text>";
  }

  private static String coord(double value) {
    return Html.number(value);
  }

  private static String empty(String message) {
    return "<p class=\"empty\">" + Html.escape(message) + "</p>";
  }
}
