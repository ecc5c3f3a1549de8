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

/** One pass over one Trivy report; it holds what the report says about its artifact. */
final class TrivyReport {
  private static final Set<String> HEADER =
      Set.of("Trivy", "ArtifactName", "ArtifactType", "Metadata");

  private final ReportInput input;
  private final JsonCursor cursor;
  private final FindingSink sink;
  private String version = "";
  private String artifactName = "";
  private String artifactType = "";
  private String repoTag = "";
  private boolean headerSeen;
  private boolean contentSeen;
  private String lastImage = "";
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
      readResults(cursor, this::legacyTarget);
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
        artifactName = field.text();
        headerSeen = true;
      }
      case "ArtifactType" -> artifactType = field.text();
      case "Metadata" -> repoTag = firstRepoTag(field.tree());
      case "Results" -> {
        contentSeen = true;
        if (!headerSeen) {
          readHeaderAhead();
        }
        readResults(field, this::artifactTarget);
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
    artifactName = textOf(header.get("ArtifactName"));
    artifactType = textOf(header.get("ArtifactType"));
    repoTag = firstRepoTag(header.getOrDefault("Metadata", MissingNode.getInstance()));
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
            case "Metadata" -> resource.repoTag = firstRepoTag(field.tree());
            case "Results" -> {
              if (resource.name.isEmpty()) {
                resource.pendingResults = field.tree();
              } else {
                readResults(field, (target, type) -> workloadTarget(resource, target, type));
              }
            }
            default -> field.skip();
          }
        });
    if (resource.pendingResults != null) {
      try (JsonCursor results = JsonCursor.over(cursor.file(), resource.pendingResults)) {
        readResults(results, (target, type) -> workloadTarget(resource, target, type));
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

  private Target artifactTarget(String resultTarget, String resultClass) {
    return switch (artifactType) {
      case "container_image" -> Target.image(imageName(resultTarget));
      case "repository" -> Target.repository(orElse(artifactName, resultTarget));
      case "filesystem", "rootfs", "sbom", "vm" -> Target.file(orElse(artifactName, resultTarget));
      default -> legacyTarget(resultTarget, resultClass);
    };
  }

  /** Returns the target of a result when the report does not name its artifact's type. */
  private Target legacyTarget(String resultTarget, String resultClass) {
    if (resultTarget.contains(" (") || "os-pkgs".equals(resultClass)) {
      lastImage = withoutOs(resultTarget);
      return Target.image(lastImage);
    }
    return lastImage.isEmpty() ? Target.file(resultTarget) : Target.image(lastImage);
  }

  private Target workloadTarget(Resource resource, String resultTarget, String resultClass) {
    String image =
        "os-pkgs".equals(resultClass) || resultTarget.contains(" (")
            ? withoutOs(resultTarget)
            : resource.repoTag;
    return Target.workload(resource.namespace, resource.kind + "/" + resource.name, image);
  }

  /** Prefers the image reference over the path of an image archive that Trivy was given. */
  private String imageName(String resultTarget) {
    boolean archive = artifactName.endsWith(".tar") || artifactName.endsWith(".tar.gz");
    if (!artifactName.isBlank() && !archive) {
      return artifactName;
    }
    if (!repoTag.isBlank()) {
      return repoTag;
    }
    return orElse(artifactName, withoutOs(resultTarget));
  }

  /** Removes the {@code " (debian 10.13)"} suffix that Trivy adds to an OS result's target. */
  private static String withoutOs(String resultTarget) {
    int suffix = resultTarget.lastIndexOf(" (");
    return suffix > 0 ? resultTarget.substring(0, suffix) : resultTarget;
  }

  private static String firstRepoTag(JsonNode metadata) {
    return JsonCursor.texts(metadata.path("RepoTags")).stream().findFirst().orElse("");
  }

  private static String orElse(String text, String fallback) {
    return text.isBlank() ? fallback : text;
  }

  private static String textOf(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : "";
  }
}
