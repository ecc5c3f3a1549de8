package io.patchpipeline.engine.report;

import static io.patchpipeline.engine.report.JsonCursor.number;
import static io.patchpipeline.engine.report.JsonCursor.text;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.patchpipeline.engine.core.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads OWASP Dependency-Check JSON reports ({@code dependencies[].vulnerabilities[]}). Each
 * dependency is read as one small tree; suppressed vulnerabilities go to {@link
 * FindingSink#excluded} with the state {@code suppressed}.
 */
public final class DependencyCheckJsonParser implements ReportParser {
  static final String FORMAT = "dependency-check-json";

  private static final String EXPECTED =
      "an OWASP Dependency-Check JSON report: an object with scanInfo and dependencies";

  /** CVSS block names, each with the version assumed when the block has no version field. */
  private static final Map<String, String> CVSS_BLOCKS =
      Map.of("cvssv2", "2.0", "cvssv3", "3.1", "cvssv4", "4.0");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    boolean shape = head.contains("\"reportSchema\"") && head.contains("\"scanInfo\"");
    return shape && head.contains("\"dependencies\"") ? 85 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    try (JsonCursor cursor = JsonCursor.open(input, EXPECTED)) {
      cursor.expect(JsonToken.START_OBJECT, EXPECTED);
      ScannerInfo[] scanner = {null};
      long[] count = {0};
      cursor.forEachField(
          field -> {
            switch (field.name()) {
              case "scanInfo" -> scanner[0] = scanner(field.tree());
              case "dependencies" -> {
                if (scanner[0] == null) {
                  JsonNode scanInfo =
                      JsonCursor.topLevelFields(input, Set.of("scanInfo"))
                          .getOrDefault("scanInfo", MissingNode.getInstance());
                  scanner[0] = scanner(scanInfo);
                }
                field.forEachElement(
                    "dependencies",
                    dependency -> {
                      String position = dependency.position();
                      count[0] += emit(dependency.tree(), scanner[0], input.name(), position, sink);
                    });
              }
              default -> field.skip();
            }
          });
      if (scanner[0] == null) {
        throw cursor.error("expected " + EXPECTED + ", but the object has no scanInfo");
      }
      return new ParsedReport(input.name(), FORMAT, scanner[0], count[0]);
    }
  }

  private static ScannerInfo scanner(JsonNode scanInfo) {
    return new ScannerInfo("dependency-check", text(scanInfo, "engineVersion"));
  }

  private static long emit(
      JsonNode dependency, ScannerInfo scanner, String report, String position, FindingSink sink) {
    String path = text(dependency, "filePath");
    Target target = Target.file(path.isEmpty() ? text(dependency, "fileName") : path);
    PackageRef pkg = packageOf(dependency);
    long count = 0;
    for (JsonNode vulnerability : dependency.path("vulnerabilities")) {
      Optional<Finding> finding = toFinding(vulnerability, pkg, target, scanner, report);
      if (finding.isPresent()) {
        sink.accept(finding.get());
        count++;
      } else {
        sink.warning(report + " (" + position + "): skipped a vulnerability without name");
      }
    }
    for (JsonNode vulnerability : dependency.path("suppressedVulnerabilities")) {
      toFinding(vulnerability, pkg, target, scanner, report)
          .ifPresent(finding -> sink.excluded(finding, "suppressed", text(vulnerability, "notes")));
    }
    return count;
  }

  private static Optional<Finding> toFinding(
      JsonNode vulnerability, PackageRef pkg, Target target, ScannerInfo scanner, String report) {
    String id = text(vulnerability, "name");
    if (id.isBlank()) {
      return Optional.empty();
    }
    String source = text(vulnerability, "source").toLowerCase(Locale.ROOT);
    List<String> aliases = new ArrayList<>();
    for (JsonNode reference : vulnerability.path("references")) {
      String name = text(reference, "name");
      if (Finding.isCve(name) || name.startsWith("GHSA-")) {
        aliases.add(name);
      }
    }
    return Optional.of(
        new Finding(
            id,
            ReportValues.aliases(id, aliases),
            pkg,
            fixedVersions(vulnerability),
            target,
            scanner,
            severity(vulnerability),
            source,
            cvss(vulnerability, source),
            ReportValues.title(text(vulnerability, "description")),
            Optional.empty(),
            report));
  }

  /**
   * Returns the unscored severity that OSS Index and RetireJS give, else the rating of the newest
   * CVSS block.
   */
  private static Severity severity(JsonNode vulnerability) {
    String word = text(vulnerability, "severity");
    for (String block : List.of("cvssv4", "cvssv3", "cvssv2")) {
      JsonNode cvss = vulnerability.path(block);
      for (String field : List.of("baseSeverity", "baseSeverity>", "severity")) {
        word = word.isEmpty() ? text(cvss, field) : word;
      }
    }
    return Severity.parse(word);
  }

  private static List<CvssScore> cvss(JsonNode vulnerability, String source) {
    List<CvssScore> scores = new ArrayList<>();
    for (String block : List.of("cvssv2", "cvssv3", "cvssv4")) {
      JsonNode cvss = vulnerability.path(block);
      if (cvss.isMissingNode() || cvss.isNull()) {
        continue;
      }
      double score = number(cvss, "baseScore");
      score = Double.isNaN(score) ? number(cvss, "score") : score;
      String vector = text(cvss, "vectorString");
      String version = text(cvss, "version");
      String scoredBy = text(cvss, "source");
      // NOTE: reports before 9.0 give the metrics one by one and no vector; only the score is kept.
      scores.add(
          CvssScore.of(
              scoredBy.isEmpty() ? source : scoredBy,
              vector,
              score,
              version.isEmpty() ? CVSS_BLOCKS.get(block) : version));
    }
    return scores;
  }

  /**
   * Returns {@code versionEndExcluding} of the matched vulnerable software entry, which is the
   * first version without the vulnerability, or an empty result when the match has no such bound.
   */
  private static Optional<List<String>> fixedVersions(JsonNode vulnerability) {
    for (JsonNode entry : vulnerability.path("vulnerableSoftware")) {
      JsonNode software = entry.path("software");
      String end = text(software, "versionEndExcluding");
      if ("true".equals(text(software, "vulnerabilityIdMatched")) && !end.isEmpty()) {
        return Optional.of(List.of(end));
      }
    }
    return Optional.empty();
  }

  /** Returns the package by its package URL, else by its CPE, else by its file name. */
  private static PackageRef packageOf(JsonNode dependency) {
    for (JsonNode identifier : dependency.path("packages")) {
      String id = text(identifier, "id");
      Optional<Purl> purl = Purl.parse(id);
      if (purl.isPresent()) {
        return purl.get().toPackage(id);
      }
    }
    for (JsonNode identifier : dependency.path("vulnerabilityIds")) {
      String[] cpe = text(identifier, "id").split(":");
      if (cpe.length > 5 && "cpe".equals(cpe[0]) && "2.3".equals(cpe[1])) {
        return new PackageRef(cpe[4], "", "", cpe[5], PackageKind.LIBRARY);
      }
    }
    return new PackageRef(text(dependency, "fileName"), "", "", "", PackageKind.LIBRARY);
  }
}
