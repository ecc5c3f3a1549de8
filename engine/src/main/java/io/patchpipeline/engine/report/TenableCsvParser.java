package io.patchpipeline.engine.report;

import io.patchpipeline.engine.core.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads CSV exports of Nessus, Tenable.io and Tenable.sc. Their column sets differ, so columns are
 * found by header name, ignoring case, under each product's spelling ({@code Plugin ID} or {@code
 * Plugin}, {@code Risk} or {@code Severity}, {@code Host} or {@code IP Address}). A row yields one
 * finding per CVE in its {@code CVE} cell, or one with the id {@code NESSUS-<plugin>}; rows of risk
 * {@code None} without a CVE are plugin output and are skipped.
 */
public final class TenableCsvParser implements ReportParser {
  static final String FORMAT = "tenable-csv";
  private static final ScannerInfo SCANNER = new ScannerInfo("Nessus", "");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    String header = head.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
    boolean plugin = header.contains("plugin id") || header.startsWith("\"plugin\",");
    return plugin && header.contains("cve") ? 80 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    long findings = 0;
    try (CsvReader csv = new CsvReader(input)) {
      csv.readHeader(1, "a Nessus or Tenable CSV export", "cve");
      String plugin = csv.has("plugin id") ? "plugin id" : "plugin";
      for (List<String> row = csv.nextRow(); row != null; row = csv.nextRow()) {
        if (row.stream().anyMatch(value -> !value.isBlank())) {
          findings += readRow(csv, row, plugin, input.name(), sink);
        }
      }
    }
    return new ParsedReport(input.name(), FORMAT, SCANNER, findings);
  }

  private static long readRow(
      CsvReader csv, List<String> row, String plugin, String report, FindingSink sink) {
    List<String> cves = Fields.cveIds(csv.get(row, "cve"));
    Severity severity = severity(csv, row);
    if (severity == Severity.NONE && cves.isEmpty()) {
      return 0;
    }
    // A NetBIOS name comes as WORKGROUP\NAME; the part after the backslash names the host.
    String netbios = csv.get(row, "netbios name").replaceFirst("^.*\\\\", "");
    Target target =
        Fields.host(
            Fields.first(csv.get(row, "dns name"), csv.get(row, "fqdn")),
            csv.get(row, "ip address"),
            Fields.first(csv.get(row, "host"), netbios));
    List<CvssScore> cvss = cvss(csv, row);
    String title = Fields.first(csv.get(row, "name"), csv.get(row, "plugin name"));
    return Fields.emitPerCve(
        sink,
        cves,
        "NESSUS-" + csv.get(row, plugin),
        id ->
            new Finding(
                id,
                List.of(),
                Fields.APPLICATION,
                Optional.empty(),
                target,
                SCANNER,
                severity,
                "nessus",
                cvss,
                title,
                Fields.date(csv.get(row, "vuln publication date")),
                report));
  }

  /** Reads the risk word, else the severity as a word or as Tenable's number from 0 to 4. */
  private static Severity severity(CsvReader csv, List<String> row) {
    String word =
        Fields.first(csv.get(row, "risk"), csv.get(row, "risk factor"), csv.get(row, "severity"));
    int level = Fields.integer(word, -1);
    return level >= 0 ? Severity.fromScale(level, 4) : Severity.parse(word);
  }

  private static List<CvssScore> cvss(CsvReader csv, List<String> row) {
    List<CvssScore> scores = new ArrayList<>();
    Fields.addCvss(
        scores,
        "nessus",
        "2.0",
        Fields.first(csv.get(row, "cvss v2 vector"), csv.get(row, "cvss vector")),
        Fields.first(
            csv.get(row, "cvss v2.0 base score"),
            csv.get(row, "cvss v2 base score"),
            csv.get(row, "cvss base score"),
            csv.get(row, "cvss")));
    Fields.addCvss(
        scores,
        "nessus",
        "3.0",
        Fields.first(csv.get(row, "cvss v3 vector"), csv.get(row, "cvss3 vector")),
        Fields.first(
            csv.get(row, "cvss v3.0 base score"),
            csv.get(row, "cvss v3 base score"),
            csv.get(row, "cvss3 base score")));
    return scores;
  }
}
