package io.patchpipeline.engine.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rebuilds CVSS vectors from the metric elements of Dependency-Check XML, which spells each metric
 * out ({@code <attackVector>NETWORK</attackVector>}) or abbreviates it ({@code N}). In both forms
 * the first letter is the vector's abbreviation.
 */
final class DependencyCheckCvss {
  private static final List<String[]> V2 =
      List.of(
          new String[] {"AV", "accessVector"},
          new String[] {"AC", "accessComplexity"},
          new String[] {"Au", "authenticationr"},
          new String[] {"C", "confidentialImpact"},
          new String[] {"I", "integrityImpact"},
          new String[] {"A", "availabilityImpact"});

  private static final List<String[]> V3 =
      List.of(
          new String[] {"AV", "attackVector"},
          new String[] {"AC", "attackComplexity"},
          new String[] {"PR", "privilegesRequired"},
          new String[] {"UI", "userInteraction"},
          new String[] {"S", "scope"},
          new String[] {"C", "confidentialityImpact"},
          new String[] {"I", "integrityImpact"},
          new String[] {"A", "availabilityImpact"});

  private DependencyCheckCvss() {}

  /** Reads the metrics of a {@code cvssV2}, {@code cvssV3} or {@code cvssV4} element. */
  static CvssScore of(Map<String, String> metrics, String source, String defaultVersion) {
    // The report template spells the CVSS 2 metric "authenticationr", so both spellings are read.
    metrics.putIfAbsent("authenticationr", metrics.getOrDefault("authentication", ""));
    String version = Fields.first(metrics.get("version"), defaultVersion);
    String vector = metrics.get("vectorString");
    if (vector == null || vector.isBlank()) {
      // CVSS 4.0 has more metrics than the report spells out, so only its vector string counts.
      vector = version.startsWith("4") ? "" : vector(version.startsWith("2") ? V2 : V3, metrics);
    }
    if (version.startsWith("3") && !vector.isEmpty() && !vector.startsWith("CVSS:")) {
      vector = "CVSS:" + version + "/" + vector;
    }
    String score = Fields.first(metrics.get("baseScore"), metrics.get("score"));
    return CvssScore.of(source, vector, Fields.number(score), version);
  }

  /**
   * Adds the CVSS 2 rating that schema 1.x writes as {@code cvssScore}, {@code cvssAccessVector}.
   */
  static void addFlatV2(Map<String, String> fields, String source, List<CvssScore> cvss) {
    if (!fields.containsKey("cvssScore")) {
      return;
    }
    Map<String, String> metrics = new HashMap<>();
    for (String[] metric : V2) {
      String key = "cvss" + Character.toUpperCase(metric[1].charAt(0)) + metric[1].substring(1);
      metrics.put(metric[1], fields.getOrDefault(key, ""));
    }
    cvss.add(
        CvssScore.of(source, vector(V2, metrics), Fields.number(fields.get("cvssScore")), "2.0"));
  }

  /** Returns the vector, or an empty string when a metric is missing. */
  private static String vector(List<String[]> order, Map<String, String> metrics) {
    StringBuilder vector = new StringBuilder();
    for (String[] metric : order) {
      String value = metrics.getOrDefault(metric[1], "").trim();
      if (value.isEmpty()) {
        return "";
      }
      if (!vector.isEmpty()) {
        vector.append('/');
      }
      vector.append(metric[0]).append(':').append(value.substring(0, 1).toUpperCase(Locale.ROOT));
    }
    return vector.toString();
  }
}
