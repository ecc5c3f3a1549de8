package io.patchpipeline.engine.report;

import io.patchpipeline.engine.core.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the CSV export of Greenbone/OpenVAS results: one row per result with {@code IP}, {@code
 * Hostname}, {@code CVSS}, {@code Severity}, {@code NVT OID} and {@code CVEs}. Rows of the CVE
 * scanner leave {@code CVEs} empty and put the CVE in {@code NVT OID}. A row yields one finding per
 * CVE, or one with the id {@code OPENVAS-<NVT OID>}; log rows without a CVE are skipped.
 */
public final class OpenVasCsvParser implements ReportParser {
  static final String FORMAT = "openvas-csv";

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    String header = head.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
    return header.contains("nvt oid") && header.contains("cves") ? 80 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    long findings = 0;
    try (CsvReader csv = new CsvReader(input)) {
      csv.readHeader(1, "a Greenbone/OpenVAS CSV export", "nvt oid", "cves");
      for (List<String> row = csv.nextRow(); row != null; row = csv.nextRow()) {
        findings += readRow(csv, row, input.name(), sink);
      }
    }
    return new ParsedReport(input.name(), FORMAT, OpenVasParser.SCANNER, findings);
  }

  private static long readRow(CsvReader csv, List<String> row, String report, FindingSink sink) {
    String oid = csv.get(row, "nvt oid");
    List<String> cves = Fields.cveIds(csv.get(row, "cves"));
    if (cves.isEmpty()) {
      cves = Fields.cveIds(oid);
    }
    double score = Fields.number(csv.get(row, "cvss"));
    Severity severity =
        Double.isNaN(score) ? Severity.parse(csv.get(row, "severity")) : Severity.fromCvss(score);
    if (cves.isEmpty() && severity == Severity.NONE) {
      return 0;
    }

    List<CvssScore> cvss = new ArrayList<>();
    // The export gives the result's severity score without saying which CVSS version it is.
    Fields.addCvss(cvss, OpenVasParser.FORMAT, "", "", csv.get(row, "cvss"));
    String result = csv.get(row, "specific result");
    PackageRef pkg = OpenVasParser.installed(result);
    Optional<List<String>> fixed = OpenVasParser.fixedVersions(result);

    Target target = Fields.host(csv.get(row, "hostname"), csv.get(row, "ip"), "");
    String title = csv.get(row, "nvt name");
    return Fields.emitPerCve(
        sink,
        cves,
        "OPENVAS-" + oid,
        id ->
            new Finding(
                id,
                List.of(),
                pkg,
                fixed,
                target,
                OpenVasParser.SCANNER,
                severity,
                OpenVasParser.FORMAT,
                cvss,
                title,
                Optional.empty(),
                report));
  }
}
