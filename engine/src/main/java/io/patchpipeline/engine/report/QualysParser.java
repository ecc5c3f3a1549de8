package io.patchpipeline.engine.report;

import io.patchpipeline.engine.core.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Qualys XML: the asset data report ({@code ASSET_DATA_REPORT}, hosts listing QIDs whose
 * details sit in a {@code GLOSSARY} after them) and the scan report ({@code SCAN}, details inline).
 * Each detection yields one finding per CVE of its QID, or one with the id {@code QUALYS-<QID>}.
 * Information-gathered detections without a CVE are not vulnerabilities and are skipped.
 */
public final class QualysParser implements ReportParser {
  static final String FORMAT = "qualys";
  private static final ScannerInfo SCANNER = new ScannerInfo("Qualys", "");

  /** The details a report gives for one QID, the same for every host it is found on. */
  private record Details(String title, int level, List<String> cves, List<CvssScore> cvss) {}

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    boolean scan =
        head.contains("<!DOCTYPE SCAN") || head.contains("<SCAN") && head.contains("<IP value=");
    return scan || head.contains("<ASSET_DATA_REPORT") ? 100 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    boolean assetReport;
    Map<String, Details> glossary = new HashMap<>();
    // The asset data report lists the QID details after the hosts, so a first pass reads them.
    try (XmlCursor xml = XmlCursor.open(input, "ASSET_DATA_REPORT", "SCAN")) {
      assetReport = xml.name().equals("ASSET_DATA_REPORT");
      while (assetReport && xml.nextStart(1)) {
        if (xml.name().equals("VULN_DETAILS")) {
          glossary.put(xml.attribute("id"), readDetails(xml));
        }
      }
    }
    long findings = 0;
    try (XmlCursor xml = XmlCursor.open(input, "ASSET_DATA_REPORT", "SCAN")) {
      while (xml.nextChild(1)) {
        if (assetReport && xml.name().equals("HOST_LIST")) {
          while (xml.nextChild(2)) {
            findings += readAssetHost(xml, glossary, input.name(), sink);
          }
        } else if (!assetReport && xml.name().equals("IP")) {
          findings += readScanHost(xml, input.name(), sink);
        }
      }
    }
    return new ParsedReport(input.name(), FORMAT, SCANNER, findings);
  }

  /** Reads a glossary {@code VULN_DETAILS} or a scan report's {@code VULN} element. */
  private static Details readDetails(XmlCursor xml) {
    int level = Fields.integer(xml.attribute("severity"), -1);
    String title = "";
    // A scan report may name the CVEs in a cveid attribute instead of, or besides, CVE_ID_LIST.
    List<String> cves = new ArrayList<>(Fields.cveIds(xml.attribute("cveid")));
    List<CvssScore> cvss = new ArrayList<>();
    int depth = xml.depth();
    while (xml.nextStart(depth)) {
      switch (xml.name()) {
        case "TITLE" -> title = xml.text();
        case "SEVERITY" -> level = Fields.integer(xml.text(), -1);
        case "ID" ->
            cves.addAll(xml.parentName().equals("CVE_ID") ? Fields.cveIds(xml.text()) : List.of());
        case "CVSS_BASE" -> addCvss(cvss, "2.0", xml.text());
        case "CVSS3_BASE" -> addCvss(cvss, "3.1", xml.text());
        default -> {
          // Other details (threat, impact, solution, exploits) do not enter the finding.
        }
      }
    }
    return new Details(title, level, cves.stream().distinct().toList(), cvss);
  }

  /**
   * Adds a rating given as {@code 9.3 (AV:N/AC:M/Au:N/C:C/I:C/A:C)} or as a bare score. NOTE:
   * Qualys writes CVSS 3 vectors without their version prefix, so they are read as 3.1.
   */
  private static void addCvss(List<CvssScore> cvss, String version, String text) {
    int open = text.indexOf('(');
    String score = open < 0 ? text : text.substring(0, open);
    String vector = open < 0 ? "" : text.substring(open + 1).replace(")", "");
    Fields.addCvss(cvss, FORMAT, version, vector, score);
  }

  private static long readAssetHost(
      XmlCursor xml, Map<String, Details> glossary, String report, FindingSink sink) {
    Map<String, String> host = new HashMap<>();
    long findings = 0;
    int depth = xml.depth();
    while (xml.nextChild(depth)) {
      if (xml.name().equals("VULN_INFO_LIST")) {
        Target target =
            Fields.host(Fields.first(host.get("DNS"), host.get("NETBIOS")), host.get("IP"), "");
        while (xml.nextChild(depth + 1)) {
          findings += readVulnInfo(xml, glossary, target, report, sink);
        }
      } else {
        host.put(xml.name(), xml.text());
      }
    }
    return findings;
  }

  private static long readVulnInfo(
      XmlCursor xml,
      Map<String, Details> glossary,
      Target target,
      String report,
      FindingSink sink) {
    String qid = "";
    String type = "";
    int depth = xml.depth();
    while (xml.nextChild(depth)) {
      if (xml.name().equals("QID")) {
        qid = xml.attribute("id");
      } else if (xml.name().equals("TYPE")) {
        type = xml.text();
      }
    }
    Details details = glossary.get(qid);
    if (details == null) {
      sink.warning(
          report
              + ": "
              + qid
              + " on "
              + target.name()
              + " has no entry in the GLOSSARY; its severity is unknown");
      details = new Details("", -1, List.of(), List.of());
    }
    return emit(details, qid.replace("qid_", ""), type.equals("Ig"), target, report, sink);
  }

  private static long readScanHost(XmlCursor xml, String report, FindingSink sink) {
    Target target = Fields.host(xml.attribute("name"), xml.attribute("value"), "");
    long findings = 0;
    int depth = xml.depth();
    while (xml.nextStart(depth)) {
      String name = xml.name();
      if (name.equals("VULN") || name.equals("PRACTICE") || name.equals("INFO")) {
        String qid = xml.attribute("number");
        findings += emit(readDetails(xml), qid, name.equals("INFO"), target, report, sink);
      }
    }
    return findings;
  }

  private static long emit(
      Details details,
      String qid,
      boolean informational,
      Target target,
      String report,
      FindingSink sink) {
    if (informational && details.cves().isEmpty()) {
      return 0;
    }
    Severity severity = Severity.fromScale(details.level(), 5);
    return Fields.emitPerCve(
        sink,
        details.cves(),
        "QUALYS-" + qid,
        id ->
            new Finding(
                id,
                List.of(),
                Fields.APPLICATION,
                Optional.empty(),
                target,
                SCANNER,
                severity,
                FORMAT,
                details.cvss(),
                details.title(),
                Optional.empty(),
                report));
  }
}
