package io.patchpipeline.engine.report;

import io.patchpipeline.engine.core.Severity;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Qualys CSV exports: the VMDR detection list ({@code CVE}, {@code QID}, {@code Asset Name},
 * {@code Asset IPV4}) and the scan report ({@code IP}, {@code DNS}, {@code CVE ID}). Both start
 * with a title block above the header. A row yields one finding per CVE, or one with the id {@code
 * QUALYS-<QID>}; information-gathered rows without a CVE are skipped, and detections with the
 * status {@code FIXED} go to {@link FindingSink#excluded}.
 */
public final class QualysCsvParser implements ReportParser {
  static final String FORMAT = "qualys-csv";
  private static final ScannerInfo SCANNER = new ScannerInfo("Qualys", "");
  private static final DateTimeFormatter PUBLISHED =
      DateTimeFormatter.ofPattern("MMM dd, yyyy", Locale.US);

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    return head.contains("\"QID\"") && head.contains("\"CVE") ? 80 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    long findings = 0;
    try (CsvReader csv = new CsvReader(input)) {
      csv.readHeader(20, "a Qualys CSV export with a QID column", "qid");
      String cveColumn = csv.has("cve") ? "cve" : "cve id";
      for (List<String> row = csv.nextRow(); row != null; row = csv.nextRow()) {
        findings += readRow(csv, row, cveColumn, input.name(), sink);
      }
    }
    return new ParsedReport(input.name(), FORMAT, SCANNER, findings);
  }

  private static long readRow(
      CsvReader csv, List<String> row, String cveColumn, String report, FindingSink sink) {
    List<String> cves = Fields.cveIds(csv.get(row, cveColumn));
    String type = csv.get(row, "type detected").toLowerCase(Locale.ROOT);
    if (cves.isEmpty()
        && (type.startsWith("info") || csv.get(row, "type").equalsIgnoreCase("Ig"))) {
      return 0;
    }
    Target target = target(csv, row);
    Severity severity = Severity.fromScale(Fields.integer(csv.get(row, "severity"), -1), 5);
    List<CvssScore> cvss = new ArrayList<>();
    Fields.addCvss(cvss, "nvd", "2.0", "", csv.get(row, "cvssv2 base (nvd)"));
    Fields.addCvss(cvss, "nvd", "3.1", "", csv.get(row, "cvssv3.1 base (nvd)"));
    Fields.addCvss(cvss, FORMAT, "2.0", "", csv.get(row, "cvss base"));
    Fields.addCvss(cvss, FORMAT, "3.1", "", csv.get(row, "cvss3.1 base"));
    String title = csv.get(row, "title");
    Optional<LocalDate> published = published(csv.get(row, "published date"));
    boolean fixed = csv.get(row, "status").equalsIgnoreCase("FIXED");
    List<String> ids = cves.isEmpty() ? List.of("QUALYS-" + csv.get(row, "qid")) : cves;
    for (String id : ids) {
      Finding finding =
          new Finding(
              id,
              List.of(),
              Fields.APPLICATION,
              Optional.empty(),
              target,
              SCANNER,
              severity,
              "qualys",
              cvss,
              title,
              published,
              report);
      if (fixed) {
        sink.excluded(finding, "fixed", "Qualys reports the detection as FIXED");
      } else {
        sink.accept(finding);
      }
    }
    return fixed ? 0 : ids.size();
  }

  /** Returns the host; an asset with several addresses is named by its first. */
  private static Target target(CsvReader csv, List<String> row) {
    String addresses =
        Fields.first(csv.get(row, "asset ipv4"), csv.get(row, "ip"), csv.get(row, "asset ipv6"));
    String ip = addresses.split(",")[0].trim();
    String hostname =
        Fields.first(csv.get(row, "asset name"), csv.get(row, "dns"), csv.get(row, "netbios"));
    return Fields.host(hostname, ip, "");
  }

  /** Parses {@code Dec 01, 2022 12:00 PM} as the VMDR export writes dates. */
  private static Optional<LocalDate> published(String text) {
    if (text.length() < 12) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.substring(0, 12), PUBLISHED));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
