package io.patchpipeline.engine.report;

import java.util.HashMap;
import java.util.Map;

/**
 * The CVSS 3.0 and 3.1 base score of a vector, for reports that give only the vector (OSV). The
 * formula and weights are those of the FIRST CVSS v3.1 specification, section 7; version 3.0
 * differs only in how it rounds up.
 */
final class Cvss3 {
  private static final Map<String, Double> WEIGHTS =
      Map.ofEntries(
          Map.entry("AV:N", 0.85),
          Map.entry("AV:A", 0.62),
          Map.entry("AV:L", 0.55),
          Map.entry("AV:P", 0.2),
          Map.entry("AC:L", 0.77),
          Map.entry("AC:H", 0.44),
          Map.entry("UI:N", 0.85),
          Map.entry("UI:R", 0.62),
          Map.entry("C:H", 0.56),
          Map.entry("C:L", 0.22),
          Map.entry("C:N", 0.0),
          Map.entry("I:H", 0.56),
          Map.entry("I:L", 0.22),
          Map.entry("I:N", 0.0),
          Map.entry("A:H", 0.56),
          Map.entry("A:L", 0.22),
          Map.entry("A:N", 0.0));

  private Cvss3() {}

  /**
   * Returns the base score of a {@code CVSS:3.x/...} vector, or {@code NaN} when it is not a CVSS 3
   * vector or lacks a base metric. Temporal and environmental metrics are ignored.
   */
  static double baseScore(String vector) {
    if (vector == null || !vector.startsWith("CVSS:3.")) {
      return Double.NaN;
    }

    Map<String, String> metrics = new HashMap<>();
    for (String part : vector.split("/")) {
      int colon = part.indexOf(':');
      if (colon > 0) {
        metrics.putIfAbsent(part.substring(0, colon), part.substring(colon + 1));
      }
    }

    String scope = metrics.getOrDefault("S", "");
    boolean changed = "C".equals(scope);
    Double privileges = privileges(metrics.get("PR"), changed);
    Double[] weights = {
      weight(metrics, "AV"),
      weight(metrics, "AC"),
      weight(metrics, "UI"),
      weight(metrics, "C"),
      weight(metrics, "I"),
      weight(metrics, "A")
    };
    for (Double weight : weights) {
      if (weight == null) {
        return Double.NaN;
      }
    }
    if (!changed && !"U".equals(scope) || privileges == null) {
      return Double.NaN;
    }

    double iss = 1 - (1 - weights[3]) * (1 - weights[4]) * (1 - weights[5]);
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    if (impact <= 0) {
      return 0.0;
    }
    double exploitability = 8.22 * weights[0] * weights[1] * privileges * weights[2];
    double sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
    boolean version30 = vector.startsWith("CVSS:3.0/");
    return version30 ? Math.ceil(Math.min(sum, 10) * 10) / 10 : roundUp(Math.min(sum, 10));
  }

  private static Double weight(Map<String, String> metrics, String metric) {
    return WEIGHTS.get(metric + ":" + metrics.get(metric));
  }

  private static Double privileges(String value, boolean scopeChanged) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "N" -> 0.85;
      case "L" -> scopeChanged ? 0.68 : 0.62;
      case "H" -> scopeChanged ? 0.5 : 0.27;
      default -> null;
    };
  }

  /** Rounds up to one decimal as CVSS 3.1 Appendix A defines it, free of floating-point error. */
  private static double roundUp(double value) {
    long scaled = Math.round(value * 100_000);
    if (scaled % 10_000 == 0) {
      return scaled / 100_000.0;
    }
    return (Math.floor(scaled / 10_000.0) + 1) / 10.0;
  }
}
