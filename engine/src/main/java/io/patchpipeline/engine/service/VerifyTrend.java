package io.patchpipeline.engine.service;

import io.patchpipeline.engine.ledger.Html;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The per-build figures of a job's verification trend, and the trend as an inline SVG chart that
 * loads nothing: units, verified units and verified units that met their SLA, one group per build.
 */
public final class VerifyTrend {
  private static final int WIDTH = 480;
  private static final int HEIGHT = 200;
  private static final int LEFT = 40;
  private static final int BOTTOM = 30;
  private static final int TOP = 24;

  private VerifyTrend() {}

  /**
   * One build's figures.
   *
   * @param label the build's name on the chart, such as {@code #12}
   * @param slaMet verified units whose verification time is on or before their SLA due date
   */
  public record Point(String label, int units, int verified, int slaMet) {}

  /** Computes the figures of one build from its record. */
  public static Point of(String label, PatchRecord record) {
    Set<String> verified = new HashSet<>(VerifySection.verifiedUnitIds(record));
    Optional<Instant> at = VerifySection.verifiedAt(record);
    int met = 0;
    int verifiedUnits = 0;
    for (RemediationUnit unit : record.units()) {
      if (!verified.contains(unit.id())) {
        continue;
      }
      verifiedUnits++;
      if (at.isPresent() && unit.dueDate() != null && !at.get().isAfter(unit.dueDate())) {
        met++;
      }
    }
    return new Point(label, record.units().size(), verifiedUnits, met);
  }

  /**
   * Renders {@code points}, oldest first, as grouped bars: units in grey, verified in blue, SLA met
   * in green. Labels are escaped.
   */
  public static String svg(List<Point> points) {
    StringBuilder svg =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\""
                    + " aria-label=\"Verified units and SLA met per build\">",
                WIDTH,
                HEIGHT));
    if (points.isEmpty()) {
      return svg.append("<text x=\"10\" y=\"20\">No build has verified units yet.</text></svg>")
          .toString();
    }
    int max = Math.max(1, points.stream().mapToInt(Point::units).max().orElse(1));
    double slot = (WIDTH - LEFT - 10) / (double) points.size();
    double bar = Math.max(2, slot / 4);
    svg.append(text(LEFT - 4, TOP, Integer.toString(max), "end"))
        .append(text(LEFT - 4, HEIGHT - BOTTOM, "0", "end"));
    for (int i = 0; i < points.size(); i++) {
      Point point = points.get(i);
      double x = LEFT + i * slot + bar / 2;
      svg.append(bar(x, bar, point.units(), max, "#9e9e9e", "units"))
          .append(bar(x + bar, bar, point.verified(), max, "#1565c0", "verified"))
          .append(bar(x + 2 * bar, bar, point.slaMet(), max, "#2e7d32", "SLA met"))
          .append(text(x + 1.5 * bar, HEIGHT - BOTTOM + 14, point.label(), "middle"));
    }
    svg.append(text(LEFT, 12, "grey: units, blue: verified, green: SLA met", "start"));
    return svg.append("</svg>").toString();
  }

  private static String bar(double x, double width, int value, int max, String color, String what) {
    double height = (HEIGHT - BOTTOM - TOP) * value / (double) max;
    double y = HEIGHT - BOTTOM - height;
    return String.format(
        Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%d %s</title></rect>",
        x,
        y,
        width,
        height,
        color,
        value,
        what);
  }

  private static String text(double x, double y, String content, String anchor) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\">%s</text>",
        x,
        y,
        anchor,
        Html.escape(content));
  }
}
