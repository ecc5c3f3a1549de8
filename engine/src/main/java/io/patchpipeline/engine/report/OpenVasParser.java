package io.patchpipeline.engine.report;

import io.patchpipeline.engine.core.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenVAS and Greenbone (GMP) XML reports: each {@code results/result} names a host, the NVT
 * that found the problem with its CVE references, and a severity from 0.0 to 10.0. A result yields
 * one finding per CVE, or one with the id {@code OPENVAS-<NVT OID>}; log results (severity 0)
 * without a CVE are skipped.
 */
public final class OpenVasParser implements ReportParser {
  static final String FORMAT = "openvas";
  static final ScannerInfo SCANNER = new ScannerInfo("OpenVAS", "");

  private static final Pattern INSTALLED = Pattern.compile("Installed version:[ \\t]*(\\S+)");
  private static final Pattern FIXED = Pattern.compile("Fixed version:[ \\t]*(\\S[^\\r\\n]*)");
  private static final Pattern PRODUCT =
      Pattern.compile("carries the product: cpe:/a:[^:\\s]+:([^:\\s]+):([^:\\s]+)");
  private static final Pattern VECTOR = Pattern.compile("cvss_base_vector=([^|\\s]+)");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    // A GMP report without results has no <nvt>, but its inner report names the protocol version.
    boolean protocol = head.contains("<gmp>") || head.contains("<omp>");
    return head.contains("<report") && (protocol || head.contains("<nvt")) ? 90 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    long findings = 0;
    try (XmlCursor xml = XmlCursor.open(input, "report", "get_reports_response")) {
      while (xml.nextStart(1)) {
        if (xml.name().equals("result") && xml.parentName().equals("results")) {
          findings += readResult(xml, input.name(), sink);
        }
      }
    }
    return new ParsedReport(input.name(), FORMAT, SCANNER, findings);
  }

  private static long readResult(XmlCursor xml, String report, FindingSink sink) {
    Map<String, String> fields = new HashMap<>();
    Map<String, String> host = new HashMap<>();
    List<String> cves = new ArrayList<>();
    List<CvssScore> cvss = new ArrayList<>();
    int depth = xml.depth();
    while (xml.nextChild(depth)) {
      switch (xml.name()) {
        case "host" -> host.put("ip", xml.ownText(host));
        case "nvt" -> readNvt(xml, fields, cves, cvss);
        default -> fields.put(xml.name(), xml.text());
      }
    }

    double score = Fields.number(fields.get("severity"));
    if (cves.isEmpty() && !(score > 0)) {
      return 0;
    }

    Severity severity =
        Double.isNaN(score) ? Severity.parse(fields.get("threat")) : Severity.fromCvss(score);

    Target target = Fields.host(host.get("hostname"), host.get("ip"), "");
    String title = Fields.first(fields.get("nvt.name"), fields.get("name"));
    String description = fields.getOrDefault("description", "");
    PackageRef pkg = installed(description);
    Optional<List<String>> fixed = fixedVersions(description);
    return Fields.emitPerCve(
        sink,
        cves.stream().distinct().toList(),
        "OPENVAS-" + fields.getOrDefault("nvt.oid", ""),
        id ->
            new Finding(
                id,
                List.of(),
                pkg,
                fixed,
                target,
                SCANNER,
                severity,
                FORMAT,
                cvss,
                title,
                Optional.empty(),
                report));
  }

  private static void readNvt(
      XmlCursor xml, Map<String, String> fields, List<String> cves, List<CvssScore> cvss) {
    fields.put("nvt.oid", xml.attribute("oid"));
    String cvssBase = "";
    String vector = "";
    int depth = xml.depth();
    while (xml.nextStart(depth)) {
      switch (xml.name()) {
        case "name" -> fields.put("nvt.name", xml.text());
        case "cvss_base" -> cvssBase = xml.text();
        case "tags" -> vector = tagVector(xml.text());
        case "cve" -> cves.addAll(Fields.cveIds(xml.text()));
        case "ref" -> {
          if (xml.attribute("type").equalsIgnoreCase("cve")) {
            cves.addAll(Fields.cveIds(xml.attribute("id")));
          }
        }
        case "severity" -> readSeverity(xml, cvss);
        default -> {
          // Family, type and solution do not enter the finding.
        }
      }
    }
    if (cvss.isEmpty()) {
      Fields.addCvss(cvss, FORMAT, "2.0", vector, cvssBase);
    }
  }

  /** Reads one {@code nvt/severities/severity} of GVM 21 and later: a typed vector and score. */
  private static void readSeverity(XmlCursor xml, List<CvssScore> cvss) {
    String type = xml.attribute("type");
    Map<String, String> values = new HashMap<>();
    xml.ownText(values);
    String version = type.contains("v3") ? "3.1" : type.contains("v4") ? "4.0" : "2.0";
    Fields.addCvss(cvss, FORMAT, version, values.get("value"), values.get("score"));
  }

  private static String tagVector(String tags) {
    Matcher matcher = VECTOR.matcher(tags);
    return matcher.find() ? matcher.group(1) : "";
  }

  /**
   * Returns the product a result's description names: the version after {@code Installed version:},
   * or product and version from {@code The host carries the product: cpe:/a:...}.
   */
  static PackageRef installed(String description) {
    Matcher matcher = INSTALLED.matcher(description);
    if (matcher.find()) {
      return new PackageRef("", "", "", matcher.group(1), PackageKind.APPLICATION);
    }
    matcher = PRODUCT.matcher(description);
    return matcher.find()
        ? new PackageRef(matcher.group(1), "", "", matcher.group(2), PackageKind.APPLICATION)
        : Fields.APPLICATION;
  }

  /**
   * Returns the versions a description names after {@code Fixed version:}; {@code None} means that
   * no fix exists. Without that line the result is empty, because the description gives no fix
   * information.
   */
  static Optional<List<String>> fixedVersions(String description) {
    Matcher matcher = FIXED.matcher(description);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String fixed = matcher.group(1).trim();
    return Optional.of(fixed.equalsIgnoreCase("None") ? List.of() : List.of(fixed));
  }
}
