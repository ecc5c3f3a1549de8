package io.patchpipeline.engine.report;

import static io.patchpipeline.engine.report.JsonCursor.number;
import static io.patchpipeline.engine.report.JsonCursor.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.patchpipeline.engine.core.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one CycloneDX vulnerability to one finding per affected component. A vulnerability whose
 * analysis state is {@code not_affected} or {@code false_positive} is passed to {@link
 * FindingSink#excluded} with its justification instead.
 */
final class CycloneDxVulnerabilities {
  private static final Set<String> EXCLUDED = Set.of("not_affected", "false_positive");

  private final String report;
  private final ScannerInfo scanner;
  private final Target target;
  private final Map<String, PackageRef> components;

  CycloneDxVulnerabilities(
      String report, ScannerInfo scanner, Target target, Map<String, PackageRef> components) {
    this.report = report;
    this.scanner = scanner;
    this.target = target;
    this.components = components;
  }

  /**
   * Sends the findings of {@code vulnerability} to {@code sink}, and returns how many it accepted.
   */
  long emit(JsonNode vulnerability, String position, FindingSink sink) {
    String id = text(vulnerability, "id");
    if (id.isBlank()) {
      sink.warning(report + " (" + position + "): skipped a vulnerability without id");
      return 0;
    }
    List<PackageRef> packages = new ArrayList<>();
    for (JsonNode affected : vulnerability.path("affects")) {
      packages.add(resolve(text(affected, "ref")));
    }
    if (packages.isEmpty()) {
      packages.add(PackageRef.NONE);
    }
    JsonNode analysis = vulnerability.path("analysis");
    String state = text(analysis, "state");
    long accepted = 0;
    for (PackageRef pkg : packages) {
      Finding finding = toFinding(id, vulnerability, pkg);
      if (EXCLUDED.contains(state)) {
        String justification = text(analysis, "justification");
        sink.excluded(
            finding, state, justification.isEmpty() ? text(analysis, "detail") : justification);
      } else {
        sink.accept(finding);
        accepted++;
      }
    }
    return accepted;
  }

  private Finding toFinding(String id, JsonNode vulnerability, PackageRef pkg) {
    List<String> references = new ArrayList<>();
    for (JsonNode reference : vulnerability.path("references")) {
      references.add(text(reference, "id"));
    }
    String preferred = text(vulnerability.path("source"), "name");
    List<CvssScore> cvss = cvss(vulnerability.path("ratings"), preferred);
    JsonNode rating = rating(vulnerability.path("ratings"), preferred);
    String ratingSource = text(rating.path("source"), "name");
    Severity severity = Severity.parse(text(rating, "severity"));
    if (severity == Severity.UNKNOWN && !Double.isNaN(number(rating, "score"))) {
      severity = Severity.fromCvss(number(rating, "score"));
    }
    return new Finding(
        id,
        ReportValues.aliases(id, references),
        pkg,
        // TODO: read fixed versions from affects[].versions once a scanner is seen writing them.
        Optional.empty(),
        target,
        scanner,
        severity,
        ratingSource.isEmpty() ? preferred : ratingSource,
        cvss,
        ReportValues.title(text(vulnerability, "description")),
        ReportValues.date(text(vulnerability, "published")),
        report);
  }

  /**
   * Returns the rating whose severity counts. That is the rating from the vulnerability's own
   * source, else from NVD, and a CVSS 3 or 4 rating wins over a CVSS 2 one. Without either, it is
   * the first rating with a severity, else the first with a score.
   */
  private static JsonNode rating(JsonNode ratings, String preferred) {
    for (String source : List.of(preferred, "nvd")) {
      JsonNode chosen = null;
      for (JsonNode rating : ratings) {
        boolean matches = text(rating.path("source"), "name").equalsIgnoreCase(source);
        if (matches && !text(rating, "severity").isEmpty()) {
          if (!"CVSSv2".equals(text(rating, "method"))) {
            return rating;
          }
          chosen = chosen == null ? rating : chosen;
        }
      }
      if (chosen != null) {
        return chosen;
      }
    }
    for (JsonNode rating : ratings) {
      if (!text(rating, "severity").isEmpty()) {
        return rating;
      }
    }
    for (JsonNode rating : ratings) {
      if (!Double.isNaN(number(rating, "score"))) {
        return rating;
      }
    }
    return MissingNode.getInstance();
  }

  private static List<CvssScore> cvss(JsonNode ratings, String preferred) {
    List<CvssScore> scores = new ArrayList<>();
    for (JsonNode rating : ratings) {
      String version =
          switch (text(rating, "method")) {
            case "CVSSv2" -> "2.0";
            case "CVSSv3" -> "3.0";
            case "CVSSv31" -> "3.1";
            case "CVSSv4" -> "4.0";
            default -> "";
          };
      if (version.isEmpty()) {
        continue;
      }
      String source = text(rating.path("source"), "name");
      CvssScore parsed =
          CvssScore.of(
              source.isEmpty() ? preferred : source,
              text(rating, "vector"),
              number(rating, "score"),
              version);
      if (!parsed.hasScore() && parsed.version().startsWith("3")) {
        parsed =
            new CvssScore(
                parsed.source(),
                parsed.version(),
                parsed.vector(),
                Cvss3.baseScore(parsed.vector()));
      }
      scores.add(parsed);
    }
    return scores;
  }

  /**
   * Returns the component a ref names; a ref outside this document (a VEX statement about another
   * BOM) gives the package its package URL or {@code urn:cdx:...#bom-ref} names.
   */
  private PackageRef resolve(String ref) {
    PackageRef component = components.get(ref);
    if (component != null) {
      return component;
    }
    Optional<Purl> purl = Purl.parse(ref);
    if (purl.isPresent()) {
      return purl.get().toPackage(ref);
    }
    int hash = ref.lastIndexOf('#');
    String name = ref.startsWith("urn:cdx:") && hash > 0 ? ref.substring(hash + 1) : ref;
    return new PackageRef(name, "", "", "", PackageKind.UNKNOWN);
  }
}
