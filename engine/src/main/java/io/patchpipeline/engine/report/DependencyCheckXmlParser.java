package io.patchpipeline.engine.report;

import io.patchpipeline.engine.core.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads OWASP Dependency-Check XML reports (schema 1.x and later): each {@code dependency} with its
 * package URL and {@code vulnerabilities}. Dependency-Check folds identical files found at other
 * paths into {@code relatedDependencies}; each of those paths gets its own findings. A {@code
 * suppressedVulnerability} goes to {@link FindingSink#excluded} with the state {@code suppressed}.
 */
public final class DependencyCheckXmlParser implements ReportParser {
  static final String FORMAT = "dependency-check-xml";

  private static final Map<String, String> CVSS_VERSIONS =
      Map.of("cvssV2", "2.0", "cvssV3", "3.1", "cvssV4", "4.0");

  /** The elements whose {@code id} child is a package URL, in older and newer schemas. */
  private static final Set<String> PACKAGE_PARENTS = Set.of("package", "packageId");

  /** One place a dependency was found, with its package. */
  private record Location(String path, PackageRef pkg) {}

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    return head.contains("<analysis") && head.contains("jeremylong.github.io/DependencyCheck")
        ? 100
        : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    ScannerInfo scanner = new ScannerInfo("Dependency-Check", "");
    long findings = 0;
    try (XmlCursor xml = XmlCursor.open(input, "analysis")) {
      while (xml.nextStart(1)) {
        if (xml.name().equals("engineVersion") && xml.parentName().equals("scanInfo")) {
          scanner = new ScannerInfo("Dependency-Check", xml.text());
        } else if (xml.name().equals("dependency") && xml.parentName().equals("dependencies")) {
          findings += readDependency(xml, scanner, input.name(), sink);
        }
      }
    }
    return new ParsedReport(input.name(), FORMAT, scanner, findings);
  }

  private static long readDependency(
      XmlCursor xml, ScannerInfo scanner, String report, FindingSink sink) {
    Map<String, String> fields = new HashMap<>();
    List<Location> related = new ArrayList<>();
    PackageRef pkg = null;
    long findings = 0;
    int depth = xml.depth();
    while (xml.nextChild(depth)) {
      switch (xml.name()) {
        case "relatedDependencies" -> readRelated(xml, related);
        case "identifiers" -> pkg = readPackage(xml);
        case "vulnerabilities" -> {
          List<Location> locations = locations(fields, pkg, related);
          while (xml.nextChild(depth + 1)) {
            findings += readVulnerability(xml, locations, scanner, report, sink);
          }
        }
        case "evidenceCollected" -> {
          // Evidence is how Dependency-Check matched the file, not what it found.
        }
        default -> fields.put(xml.name(), xml.text());
      }
    }
    return findings;
  }

  private static List<Location> locations(
      Map<String, String> fields, PackageRef pkg, List<Location> related) {
    String fileName = fields.getOrDefault("fileName", "");
    PackageRef own = pkg != null ? pkg : new PackageRef(fileName, "", "", "", PackageKind.LIBRARY);
    List<Location> locations = new ArrayList<>();
    locations.add(new Location(Fields.first(fields.get("filePath"), fileName), own));
    for (Location other : related) {
      locations.add(new Location(other.path(), other.pkg() != null ? other.pkg() : own));
    }
    return locations;
  }

  private static void readRelated(XmlCursor xml, List<Location> related) {
    int depth = xml.depth();
    while (xml.nextChild(depth)) {
      String path = "";
      PackageRef pkg = null;
      int itemDepth = xml.depth();
      while (xml.nextStart(itemDepth)) {
        if (xml.name().equals("filePath")) {
          path = xml.text();
        } else if (xml.name().equals("id") && PACKAGE_PARENTS.contains(xml.parentName())) {
          pkg = Purl.packageOf(xml.text(), PackageKind.LIBRARY);
        }
      }
      related.add(new Location(path, pkg));
    }
  }

  /** Returns the first package URL, else a Maven identifier of the old schema, else null. */
  private static PackageRef readPackage(XmlCursor xml) {
    PackageRef found = null;
    int depth = xml.depth();
    while (xml.nextStart(depth)) {
      if (found == null && xml.name().equals("id") && PACKAGE_PARENTS.contains(xml.parentName())) {
        found = Purl.packageOf(xml.text(), PackageKind.LIBRARY);
      } else if (found == null
          && xml.name().equals("identifier")
          && xml.attribute("type").equals("maven")) {
        found = mavenIdentifier(xml);
      }
    }
    return found;
  }

  private static PackageRef mavenIdentifier(XmlCursor xml) {
    Map<String, String> children = new HashMap<>();
    xml.ownText(children);
    String[] parts = children.getOrDefault("name", "").replaceAll("[()]", "").split(":");
    if (parts.length < 3) {
      return null;
    }
    return new PackageRef(parts[0] + ":" + parts[1], "maven", "", parts[2], PackageKind.LIBRARY);
  }

  private static Severity severity(String word, List<String> cvssSeverities, List<CvssScore> cvss) {
    Severity severity = Severity.parse(word);
    for (int i = 0; severity == Severity.UNKNOWN && i < cvssSeverities.size(); i++) {
      severity = Severity.parse(cvssSeverities.get(i));
    }
    double score =
        cvss.stream()
            .filter(CvssScore::hasScore)
            .mapToDouble(CvssScore::score)
            .max()
            .orElse(Double.NaN);
    return severity == Severity.UNKNOWN ? Severity.fromCvss(score) : severity;
  }

  private static long readVulnerability(
      XmlCursor xml,
      List<Location> locations,
      ScannerInfo scanner,
      String report,
      FindingSink sink) {
    boolean suppressed = xml.name().equals("suppressedVulnerability");
    if (!suppressed && !xml.name().equals("vulnerability")) {
      return 0;
    }
    String source =
        Fields.first(xml.attribute("source").toLowerCase(Locale.ROOT), "dependency-check");
    Map<String, String> fields = new HashMap<>();
    List<CvssScore> cvss = new ArrayList<>();
    // Dependency-Check writes a top-level severity only for unscored vulnerabilities; scored ones
    // carry it inside their CVSS elements, the newest version first in this list.
    List<String> cvssSeverities = new ArrayList<>();
    int depth = xml.depth();
    while (xml.nextChild(depth)) {
      String version = CVSS_VERSIONS.get(xml.name());
      if (version == null) {
        fields.put(xml.name(), xml.text());
        continue;
      }
      Map<String, String> metrics = new HashMap<>();
      xml.ownText(metrics);
      cvss.add(DependencyCheckCvss.of(metrics, source, version));
      cvssSeverities.add(0, Fields.first(metrics.get("baseSeverity"), metrics.get("severity")));
    }
    DependencyCheckCvss.addFlatV2(fields, source, cvss);
    String name = fields.getOrDefault("name", "");
    // A bare number is an advisory of the source (an npm advisory), so the source becomes a prefix.
    String id =
        name.chars().allMatch(Character::isDigit)
            ? source.toUpperCase(Locale.ROOT) + "-" + name
            : name;
    Severity severity = severity(fields.get("severity"), cvssSeverities, cvss);
    for (Location location : locations) {
      Finding finding =
          new Finding(
              Fields.cveIds(id).isEmpty() ? id : id.toUpperCase(Locale.ROOT),
              List.of(),
              location.pkg(),
              Optional.empty(),
              Target.file(location.path()),
              scanner,
              severity,
              source,
              cvss,
              Fields.title(fields.get("description")),
              Optional.empty(),
              report);
      if (suppressed) {
        String notes = Fields.first(fields.get("notes"), "suppressed by a suppression rule");
        sink.excluded(finding, "suppressed", notes);
      } else {
        sink.accept(finding);
      }
    }
    return suppressed ? 0 : locations.size();
  }
}
