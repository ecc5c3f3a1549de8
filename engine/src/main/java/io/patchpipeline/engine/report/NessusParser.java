package io.patchpipeline.engine.report;

import io.patchpipeline.engine.core.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Nessus v2 XML ({@code .nessus}): {@code Report/ReportHost} elements with their {@code
 * HostProperties} and one {@code ReportItem} per plugin result. Each item yields one finding per
 * CVE it lists, or one finding with the id {@code NESSUS-<pluginID>} when it lists none.
 * Informational items (severity 0) without a CVE are plugin output, not vulnerabilities, and are
 * skipped.
 */
public final class NessusParser implements ReportParser {
  static final String FORMAT = "nessus";
  private static final ScannerInfo SCANNER = new ScannerInfo("Nessus", "");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    return head.contains("<NessusClientData_v2") ? 100 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    long findings = 0;
    try (XmlCursor xml = XmlCursor.open(input, "NessusClientData_v2")) {
      while (xml.nextChild(1)) {
        if (xml.name().equals("Report")) {
          while (xml.nextChild(2)) {
            if (xml.name().equals("ReportHost")) {
              findings += readHost(xml, input.name(), sink);
            }
          }
        }
      }
    }
    return new ParsedReport(input.name(), FORMAT, SCANNER, findings);
  }

  private static long readHost(XmlCursor xml, String report, FindingSink sink) {
    String reported = xml.attribute("name");
    int depth = xml.depth();
    Map<String, String> tags = new HashMap<>();
    Target target = null;
    long findings = 0;
    while (xml.nextChild(depth)) {
      if (xml.name().equals("HostProperties")) {
        readTags(xml, tags);
      } else if (xml.name().equals("ReportItem")) {
        if (target == null) {
          target = target(tags, reported);
        }
        findings += readItem(xml, target, report, sink);
      }
    }
    return findings;
  }

  private static void readTags(XmlCursor xml, Map<String, String> tags) {
    int depth = xml.depth();
    while (xml.nextChild(depth)) {
      if (xml.name().equals("tag")) {
        String name = xml.attribute("name");
        tags.put(name, xml.text());
      }
    }
  }

  private static Target target(Map<String, String> tags, String reported) {
    String hostname = Fields.first(tags.get("host-fqdn"), tags.get("hostname"));
    return Fields.host(hostname, tags.get("host-ip"), reported);
  }

  private static long readItem(XmlCursor xml, Target target, String report, FindingSink sink) {
    String pluginId = xml.attribute("pluginID");
    String pluginName = xml.attribute("pluginName");
    int level = Fields.integer(xml.attribute("severity"), -1);
    Map<String, String> fields = new HashMap<>();
    List<String> cves = new ArrayList<>();
    int depth = xml.depth();
    while (xml.nextChild(depth)) {
      String name = xml.name();
      String text = xml.text();
      if (name.equals("cve")) {
        cves.addAll(Fields.cveIds(text));
      } else {
        fields.putIfAbsent(name, text);
      }
    }
    if (level == 0 && cves.isEmpty()) {
      return 0;
    }
    Severity severity =
        level < 0 ? Severity.parse(fields.get("risk_factor")) : Severity.fromScale(level, 4);
    List<CvssScore> cvss = cvss(fields);
    String title = Fields.first(pluginName, fields.get("plugin_name"), fields.get("synopsis"));
    return Fields.emitPerCve(
        sink,
        cves.stream().distinct().toList(),
        "NESSUS-" + pluginId,
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
                cvss,
                title,
                Fields.date(fields.get("vuln_publication_date")),
                report));
  }

  private static List<CvssScore> cvss(Map<String, String> fields) {
    List<CvssScore> scores = new ArrayList<>();
    String v2Vector = Fields.first(fields.get("cvss_vector")).replace("CVSS2#", "");
    Fields.addCvss(scores, FORMAT, "2.0", v2Vector, fields.get("cvss_base_score"));
    Fields.addCvss(
        scores, FORMAT, "3.0", fields.get("cvss3_vector"), fields.get("cvss3_base_score"));
    Fields.addCvss(
        scores, FORMAT, "4.0", fields.get("cvss4_vector"), fields.get("cvss4_base_score"));
    return scores;
  }
}
