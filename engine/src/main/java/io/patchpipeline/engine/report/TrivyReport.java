package io.patchpipeline.engine.report;

import static io.patchpipeline.engine.report.JsonCursor.text;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** One pass over one Trivy report, which streams the findings of its results to a sink. */
final class TrivyReport {
  private static final Set<String> HEADER =
      Set.of("Trivy", "ArtifactName", "ArtifactType", "Metadata");

  private final ReportInput input;
  private final JsonCursor cursor;
  private final FindingSink sink;
  private String version = "";
  private final TrivyTargets targets = new TrivyTargets();
  private boolean headerSeen;
  private boolean contentSeen;
  private long count;

  /** The fields of one result that precede its vulnerabilities in Trivy's output. */
  private static final class ResultHeader {
    private String target = "";
    private String resultClass = "";
    private String type = "";
    private boolean targetSeen;
    private JsonNode pending;
  }

  /** The workload fields of one {@code trivy k8s} resource. */
  private static final class Resource {
    private String namespace = "";
    private String kind = "";
    private String name = "";
    private String repoTag = "";
    private JsonNode pendingResults;
  }

  TrivyReport(ReportInput input, JsonCursor cursor, FindingSink sink) {
    this.input = input;
    this.cursor = cursor;
    this.sink = sink;
  }

  ScannerInfo scanner() {
    return new ScannerInfo("trivy", version);
  }

  long count() {
    return count;
  }

  void read() throws IOException {
    if (cursor.token() == JsonToken.START_ARRAY) {
      readResults(cursor, targets::legacy);
      return;
    }
    cursor.expect(JsonToken.START_OBJECT, TrivyParser.EXPECTED);
    cursor.forEachField(this::readTopField);
    if (!contentSeen) {
      throw cursor.error(
          "expected " + TrivyParser.EXPECTED + ", but the object has no Results or Resources");
    }
  }

  private void readTopField(JsonCursor field) throws IOException {
    switch (field.name()) {
      case "Trivy" -> version = text(field.tree(), "Version");
      case "ArtifactName" -> {
        targets.setArtifactName(field.text());
        headerSeen = true;
      }
      case "ArtifactType" -> targets.setArtifactType(field.text());
      case "Metadata" -> targets.setMetadata(field.tree());
      case "Results" -> {
        contentSeen = true;
        if (!headerSeen) {
          readHeaderAhead();
        }
        readResults(field, targets::artifact);
      }
      case "Resources", "Vulnerabilities" -> {
        contentSeen = true;
        field.forEachElement(field.name(), this::readResource);
      }
      default -> field.skip();
    }
  }

  /** Reads the artifact fields that this report writes after its results. */
  private void readHeaderAhead() throws IOException {
    Map<String, JsonNode> header = JsonCursor.topLevelFields(input, HEADER);
    version = text(header.getOrDefault("Trivy", MissingNode.getInstance()), "Version");
    targets.setArtifactName(textOf(header.get("ArtifactName")));
    targets.setArtifactType(textOf(header.get("ArtifactType")));
    targets.setMetadata(header.getOrDefault("Metadata", MissingNode.getInstance()));
    headerSeen = true;
  }

  private void readResource(JsonCursor element) throws IOException {
    Resource resource = new Resource();
    element.forEachField(
        field -> {
          switch (field.name()) {
            case "Namespace" -> resource.namespace = field.text();
            case "Kind" -> resource.kind = field.text();
            case "Name" -> resource.name = field.text();
            case "Metadata" -> resource.repoTag = TrivyTargets.firstRepoTag(field.tree());
            case "Results" -> {
              if (resource.name.isEmpty()) {
                resource.pendingResults = field.tree();
              } else {
                readResults(field, (target, type) -> workload(resource, target, type));
              }
            }
            default -> field.skip();
          }
        });
    if (resource.pendingResults != null) {
      try (JsonCursor results = JsonCursor.over(cursor.file(), resource.pendingResults)) {
        readResults(results, (target, type) -> workload(resource, target, type));
      }
    }
  }

  private void readResults(JsonCursor results, BiFunction<String, String, Target> targets)
      throws IOException {
    results.forEachElement("Results", result -> readResult(result, targets));
  }

  private void readResult(JsonCursor result, BiFunction<String, String, Target> targets)
      throws IOException {
    ResultHeader header = new ResultHeader();
    result.forEachField(
        field -> {
          switch (field.name()) {
            case "Target" -> {
              header.target = field.text();
              header.targetSeen = true;
            }
            case "Class" -> header.resultClass = field.text();
            case "Type" -> header.type = field.text();
            case "Vulnerabilities" -> {
              if (header.targetSeen) {
                TrivyVulnerabilities.Context context = context(header, targets);
                field.forEachElement(
                    "Vulnerabilities",
                    entry ->
                        emit(entry.position(), entry.tree(TrivyVulnerabilities.FIELDS), context));
              } else {
                header.pending = field.tree();
              }
            }
            case "ExperimentalModifiedFindings", "ModifiedFindings" -> {
              TrivyVulnerabilities.Context context = context(header, targets);
              field.forEachElement(field.name(), entry -> exclude(entry.tree(), context));
            }
            default -> field.skip();
          }
        });
    if (header.pending != null) {
      TrivyVulnerabilities.Context context = context(header, targets);
      for (JsonNode entry : header.pending) {
        emit(result.position(), entry, context);
      }
    }
  }

  private TrivyVulnerabilities.Context context(
      ResultHeader header, BiFunction<String, String, Target> targets) {
    Target target = targets.apply(header.target, header.resultClass);
    if (target.name().isBlank()) {
      target = Target.unknown(input.name());
    }
    return new TrivyVulnerabilities.Context(
        input.name(), scanner(), target, header.resultClass, header.type);
  }

  private void emit(String position, JsonNode entry, TrivyVulnerabilities.Context context) {
    Optional<Finding> finding = TrivyVulnerabilities.toFinding(entry, context);
    if (finding.isEmpty()) {
      sink.warning(
          input.name() + " (" + position + "): skipped a vulnerability without VulnerabilityID");
    } else if (TrivyVulnerabilities.isNotAffected(entry)) {
      sink.excluded(finding.get(), "not_affected", "Trivy status not_affected");
    } else {
      sink.accept(finding.get());
      count++;
    }
  }

  /** Passes on a finding that a VEX statement or an ignore rule suppressed in Trivy. */
  private void exclude(JsonNode modified, TrivyVulnerabilities.Context context) {
    if (!"vulnerability".equals(text(modified, "Type"))) {
      return;
    }
    String status = text(modified, "Status").isBlank() ? "suppressed" : text(modified, "Status");
    TrivyVulnerabilities.toFinding(modified.path("Finding"), context)
        .ifPresent(finding -> sink.excluded(finding, status, text(modified, "Statement")));
  }

  private static Target workload(Resource resource, String resultTarget, String resultClass) {
    return TrivyTargets.workload(
        resource.namespace,
        resource.kind + "/" + resource.name,
        resource.repoTag,
        resultTarget,
        resultClass);
  }

  private static String textOf(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : "";
  }
}
