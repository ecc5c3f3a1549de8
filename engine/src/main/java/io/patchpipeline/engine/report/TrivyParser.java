package io.patchpipeline.engine.report;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads Trivy JSON reports: schema 2 ({@code SchemaVersion: 2} with {@code Results}), the older
 * top-level list of results, and {@code trivy k8s} reports ({@code ClusterName} with {@code
 * Resources}, or the older summary layout with {@code Vulnerabilities} per workload).
 */
public final class TrivyParser implements ReportParser {
  static final String FORMAT = "trivy";

  static final String EXPECTED =
      "a Trivy JSON report: an object with Results, a trivy k8s report with Resources, or a list"
          + " of results";

  private static final Pattern SCHEMA_2 = Pattern.compile("\"SchemaVersion\"\\s*:\\s*2\\b");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    if (SCHEMA_2.matcher(head).find()
        && (head.contains("\"Results\"") || head.contains("\"ArtifactName\""))) {
      return 90;
    }
    if (head.contains("\"ClusterName\"")
        && (head.contains("\"Resources\"") || head.contains("\"Vulnerabilities\""))) {
      return 85;
    }
    if (head.stripLeading().startsWith("[")
        && head.contains("\"Target\"")
        && head.contains("\"VulnerabilityID\"")) {
      return 60;
    }
    return 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    try (JsonCursor cursor = JsonCursor.open(input, EXPECTED)) {
      TrivyReport report = new TrivyReport(input, cursor, sink);
      report.read();
      return new ParsedReport(input.name(), FORMAT, report.scanner(), report.count());
    }
  }
}
