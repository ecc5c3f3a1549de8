package io.patchpipeline.engine.report;

import static io.patchpipeline.engine.report.JsonCursor.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads severity, CVSS ratings and fixed versions from the OSV records of one finding. */
final class OsvRecords {
  /** A severity and the source whose rating it is. */
  record Rated(Severity level, String source) {}

  private OsvRecords() {}

  /**
   * Returns the severity and its source: a record's {@code database_specific.severity} (as GitHub
   * advisories give it), else the rating of the group's {@code max_severity} or of the highest
   * computed CVSS score.
   */
  static Rated severity(List<JsonNode> members, double maxSeverity, List<CvssScore> cvss) {
    for (JsonNode member : members) {
      String word = text(member.path("database_specific"), "severity");
      if (!word.isBlank()) {
        return new Rated(Severity.parse(word), database(text(member, "id")));
      }
    }
    double score = maxSeverity;
    if (Double.isNaN(score)) {
      score =
          cvss.stream()
              .mapToDouble(CvssScore::score)
              .filter(s -> !Double.isNaN(s))
              .max()
              .orElse(Double.NaN);
    }
    return new Rated(Severity.fromCvss(score), Double.isNaN(score) ? "" : "cvss");
  }

  static void addRatings(List<CvssScore> cvss, JsonNode member) {
    String source = database(text(member, "id"));
    for (JsonNode rating : member.path("severity")) {
      String vector = text(rating, "score");
      String version =
          switch (text(rating, "type")) {
            case "CVSS_V2" -> "2.0";
            case "CVSS_V3" -> "3.1";
            case "CVSS_V4" -> "4.0";
            default -> "";
          };
      if (!version.isEmpty()) {
        CvssScore parsed = CvssScore.of(source, vector, Double.NaN, version);
        cvss.add(CvssScore.of(source, vector, Cvss3.baseScore(parsed.vector()), version));
      }
    }
  }

  /**
   * Returns the {@code fixed} events of the records' ranges for this package; an empty list when
   * ranges exist without a fix, and an empty result when no range applies.
   */
  static Optional<List<String>> fixedVersions(JsonNode pkg, List<JsonNode> members) {
    List<String> fixed = new ArrayList<>();
    boolean ranged = false;
    for (JsonNode member : members) {
      for (JsonNode affected : member.path("affected")) {
        if (!text(affected.path("package"), "name").equals(text(pkg, "name"))) {
          continue;
        }
        for (JsonNode range : affected.path("ranges")) {
          if ("GIT".equals(text(range, "type"))) {
            continue;
          }
          ranged = true;
          for (JsonNode event : range.path("events")) {
            String version = text(event, "fixed");
            if (!version.isBlank() && !fixed.contains(version)) {
              fixed.add(version);
            }
          }
        }
      }
    }
    return ranged ? Optional.of(fixed) : Optional.empty();
  }

  /** Returns the database an id comes from, by its prefix: {@code ghsa}, {@code rustsec}, ... */
  static String database(String id) {
    int dash = id.indexOf('-');
    return (dash > 0 ? id.substring(0, dash) : id).toLowerCase(Locale.ROOT);
  }
}
