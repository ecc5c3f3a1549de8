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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Grype JSON reports ({@code matches} with {@code vulnerability}, {@code
 * relatedVulnerabilities} and {@code artifact}). Grype writes its {@code source} and {@code
 * descriptor} after the matches, so the parser reads them first in a separate pass over the file.
 */
public final class GrypeParser implements ReportParser {
  static final String FORMAT = "grype";

  private static final String EXPECTED = "a Grype JSON report: an object with matches";

  private static final Set<String> HEADER = Set.of("source", "descriptor");

  /** Grype fix states meaning that no fixed version exists or will be released. */
  private static final Set<String> NO_FIX = Set.of("not-fixed", "wont-fix");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    if (!head.contains("\"matches\"")) {
      return 0;
    }
    if (head.contains("\"relatedVulnerabilities\"") || head.contains("\"matchDetails\"")) {
      return 80;
    }
    return head.contains("\"descriptor\"") && head.contains("\"grype\"") ? 80 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    try (JsonCursor cursor = JsonCursor.open(input, EXPECTED)) {
      cursor.expect(JsonToken.START_OBJECT, EXPECTED);
      Map<String, JsonNode> header = JsonCursor.topLevelFields(input, HEADER);
      JsonNode descriptor = header.getOrDefault("descriptor", MissingNode.getInstance());
      ScannerInfo scanner =
          new ScannerInfo(
              text(descriptor, "name").isEmpty() ? FORMAT : text(descriptor, "name"),
              text(descriptor, "version"));
      Target target = target(header.getOrDefault("source", MissingNode.getInstance()), input);
      long[] count = {0};
      boolean[] matchesSeen = {false};
      cursor.forEachField(
          field -> {
            switch (field.name()) {
              case "matches" -> {
                matchesSeen[0] = true;
                field.forEachElement(
                    "matches",
                    match -> {
                      String position = match.position();
                      Optional<Finding> finding =
                          toFinding(match.tree(), target, scanner, input.name());
                      if (finding.isPresent()) {
                        sink.accept(finding.get());
                        count[0]++;
                      } else {
                        sink.warning(
                            input.name()
                                + " ("
                                + position
                                + "): skipped a match without vulnerability.id");
                      }
                    });
              }
              case "ignoredMatches" ->
                  field.forEachElement(
                      "ignoredMatches",
                      match -> exclude(match.tree(), target, scanner, input.name(), sink));
              default -> field.skip();
            }
          });
      if (!matchesSeen[0]) {
        throw cursor.error("expected " + EXPECTED + ", but the object has no matches");
      }
      return new ParsedReport(input.name(), FORMAT, scanner, count[0]);
    }
  }

  /**
   * Passes on a match that an ignore rule suppressed, with the rule's VEX status and justification
   * where it has them, else the state {@code ignored} and the rule's reason.
   */
  private static void exclude(
      JsonNode match, Target target, ScannerInfo scanner, String report, FindingSink sink) {
    JsonNode rule = match.path("appliedIgnoreRules").path(0);
    String state = text(rule, "vex-status");
    String justification = text(rule, "vex-justification");
    String reason = justification.isEmpty() ? text(rule, "reason") : justification;
    toFinding(match, target, scanner, report)
        .ifPresent(finding -> sink.excluded(finding, state.isEmpty() ? "ignored" : state, reason));
  }

  private static Optional<Finding> toFinding(
      JsonNode match, Target target, ScannerInfo scanner, String report) {
    JsonNode vulnerability = match.path("vulnerability");
    String id = text(vulnerability, "id");
    if (id.isBlank()) {
      return Optional.empty();
    }
    List<String> related = new ArrayList<>();
    for (JsonNode other : match.path("relatedVulnerabilities")) {
      related.add(text(other, "id"));
    }
    return Optional.of(
        new Finding(
            id,
            ReportValues.aliases(id, related),
            packageOf(match.path("artifact")),
            fixedVersions(vulnerability.path("fix")),
            target,
            scanner,
            Severity.parse(text(vulnerability, "severity")),
            text(vulnerability, "namespace"),
            cvss(vulnerability, match.path("relatedVulnerabilities")),
            "",
            Optional.empty(),
            report));
  }

  /** Returns the artifact, named as its package URL names it ({@code group:artifact} for Maven). */
  private static PackageRef packageOf(JsonNode artifact) {
    String purl = text(artifact, "purl");
    Optional<Purl> parsed = Purl.parse(purl);
    String name = parsed.map(Purl::packageName).orElse(text(artifact, "name"));
    String ecosystem =
        parsed.map(Purl::ecosystem).orElseGet(() -> Ecosystems.normalize(text(artifact, "type")));
    return new PackageRef(
        name, ecosystem, purl, text(artifact, "version"), Ecosystems.kind(ecosystem, name));
  }

  /** Returns the fixed versions; an empty list for {@code not-fixed} and {@code wont-fix}. */
  static Optional<List<String>> fixedVersions(JsonNode fix) {
    List<String> versions = JsonCursor.texts(fix.path("versions"));
    if (!versions.isEmpty()) {
      return Optional.of(versions);
    }
    return NO_FIX.contains(text(fix, "state")) ? Optional.of(List.of()) : Optional.empty();
  }

  /** Returns the vulnerability's own ratings, or those of its related records when it has none. */
  private static List<CvssScore> cvss(JsonNode vulnerability, JsonNode related) {
    List<CvssScore> scores = new ArrayList<>();
    addRatings(scores, vulnerability);
    if (scores.isEmpty()) {
      for (JsonNode other : related) {
        addRatings(scores, other);
      }
    }
    return scores;
  }

  private static void addRatings(List<CvssScore> scores, JsonNode record) {
    for (JsonNode rating : record.path("cvss")) {
      String source = text(rating, "source");
      scores.add(
          CvssScore.of(
              source.isEmpty() ? text(record, "namespace") : source,
              text(rating, "vector"),
              number(rating.path("metrics"), "baseScore"),
              text(rating, "version")));
    }
  }

  private static Target target(JsonNode source, ReportInput input) {
    JsonNode described = source.path("target");
    String name = described.isTextual() ? described.asText() : text(described, "userInput");
    if (name.isEmpty()) {
      name = JsonCursor.texts(described.path("tags")).stream().findFirst().orElse("");
    }
    if (name.isEmpty()) {
      name = text(source, "name");
    }
    // Grype 0.24 wrote a directory target with quotes around it: "\".\"".
    name = name.replaceAll("^\"(.*)\"$", "$1");
    if (name.isEmpty()) {
      return Target.unknown(input.name());
    }
    return switch (text(source, "type")) {
      case "image" -> Target.image(name);
      case "directory", "file" -> Target.file(name);
      default -> described.isObject() ? Target.image(name) : Target.file(name);
    };
  }
}
