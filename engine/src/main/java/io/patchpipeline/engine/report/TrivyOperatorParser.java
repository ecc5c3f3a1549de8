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
import java.util.Optional;

/**
 * Reads Trivy Operator {@code VulnerabilityReport} objects ({@code
 * aquasecurity.github.io/v1alpha1}), alone or in a {@code List} as {@code kubectl get -o json}
 * writes them. The labels {@code trivy-operator.resource.namespace}, {@code .kind} and {@code
 * .name} name the workload.
 */
public final class TrivyOperatorParser implements ReportParser {
  static final String FORMAT = "trivy-operator";

  private static final String EXPECTED =
      "a Trivy Operator VulnerabilityReport, or a List of them, as a JSON object";

  private static final String LABEL = "trivy-operator.resource.";

  /** One VulnerabilityReport object as the parser walks through it. */
  private static final class Item {
    private JsonNode metadata = MissingNode.getInstance();
    private JsonNode artifact = MissingNode.getInstance();
    private JsonNode registry = MissingNode.getInstance();
    private ScannerInfo scanner = new ScannerInfo("trivy", "");
    private boolean metadataSeen;
    private boolean artifactSeen;
    private String kind = "";
    private final List<JsonNode> pending = new ArrayList<>();
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    return head.contains("\"VulnerabilityReport") && head.contains("aquasecurity.github.io")
        ? 95
        : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    try (JsonCursor cursor = JsonCursor.open(input, EXPECTED)) {
      cursor.expect(JsonToken.START_OBJECT, EXPECTED);
      Run run = new Run(input.name(), sink);
      run.readObject(cursor, true);
      return new ParsedReport(input.name(), FORMAT, run.scanner, run.count);
    }
  }

  /** One pass over one file. */
  private static final class Run {
    private final String report;
    private final FindingSink sink;
    private ScannerInfo scanner = new ScannerInfo("trivy", "");
    private long count;

    Run(String report, FindingSink sink) {
      this.report = report;
      this.sink = sink;
    }

    /** Reads a VulnerabilityReport, or at the top level a List whose items are reports. */
    void readObject(JsonCursor cursor, boolean topLevel) throws IOException {
      Item item = new Item();
      JsonNode[] laterReport = {null};
      boolean[] itemsSeen = {false};
      cursor.forEachField(
          field -> {
            switch (field.name()) {
              case "kind" -> item.kind = field.text();
              case "metadata" -> {
                item.metadata = field.tree();
                item.metadataSeen = true;
              }
              case "report" -> {
                if (item.metadataSeen) {
                  readReport(field, item);
                } else {
                  laterReport[0] = field.tree();
                }
              }
              case "items" -> {
                itemsSeen[0] = topLevel;
                if (topLevel) {
                  field.forEachElement("items", element -> readObject(element, false));
                } else {
                  field.skip();
                }
              }
              default -> field.skip();
            }
          });
      if (laterReport[0] != null) {
        try (JsonCursor later = JsonCursor.over(cursor.file(), laterReport[0])) {
          readReport(later, item);
        }
      }
      flush(item, cursor.position());
      if (topLevel && !itemsSeen[0] && !item.kind.startsWith("VulnerabilityReport")) {
        throw cursor.error(
            "expected " + EXPECTED + ", but the object's kind is \"" + item.kind + "\"");
      }
    }

    private void readReport(JsonCursor report, Item item) throws IOException {
      report.forEachField(
          field -> {
            switch (field.name()) {
              case "artifact" -> {
                item.artifact = field.tree();
                item.artifactSeen = true;
              }
              case "registry" -> item.registry = field.tree();
              case "scanner" -> {
                JsonNode node = field.tree();
                item.scanner = new ScannerInfo(text(node, "name"), text(node, "version"));
                scanner = item.scanner;
              }
              case "vulnerabilities" ->
                  field.forEachElement(
                      "vulnerabilities",
                      entry -> {
                        String position = entry.position();
                        JsonNode node = entry.tree();
                        if (item.artifactSeen) {
                          emit(node, item, position);
                        } else {
                          item.pending.add(node);
                        }
                      });
              default -> field.skip();
            }
          });
    }

    private void flush(Item item, String position) {
      for (JsonNode node : item.pending) {
        emit(node, item, position);
      }
      item.pending.clear();
    }

    private void emit(JsonNode entry, Item item, String position) {
      String id = text(entry, "vulnerabilityID");
      if (id.isBlank()) {
        sink.warning(
            report + " (" + position + "): skipped a vulnerability without vulnerabilityID");
        return;
      }
      double score = number(entry, "score");
      List<CvssScore> cvss = new ArrayList<>();
      if (!Double.isNaN(score)) {
        // Trivy Operator gives the CVSS v3 base score of the vendor it chose, without a vector.
        cvss.add(new CvssScore(FORMAT, "3.x", "", score));
      }
      String fixed = text(entry, "fixedVersion");
      sink.accept(
          new Finding(
              id,
              List.of(),
              packageOf(entry),
              fixed.isBlank() ? Optional.empty() : Optional.of(ReportValues.versions(fixed)),
              target(item),
              item.scanner,
              Severity.parse(text(entry, "severity")),
              "",
              cvss,
              text(entry, "title"),
              ReportValues.date(text(entry, "publishedDate")),
              report));
      count++;
    }
  }

  private static PackageRef packageOf(JsonNode entry) {
    String name = text(entry, "resource");
    String ecosystem = Ecosystems.normalize(text(entry, "packageType"));
    PackageKind kind =
        switch (text(entry, "class")) {
          case "os-pkgs" -> Ecosystems.isKernel(name) ? PackageKind.KERNEL : PackageKind.OS;
          case "lang-pkgs" -> PackageKind.LIBRARY;
          default -> Ecosystems.kind(ecosystem, name);
        };
    String purl = text(entry, "packagePURL");
    return new PackageRef(name, ecosystem, purl, text(entry, "installedVersion"), kind);
  }

  /** Returns the workload the labels name, with the scanned image; else the image alone. */
  private static Target target(Item item) {
    String image = image(item.artifact, item.registry);
    JsonNode labels = item.metadata.path("labels");
    String kind = text(labels, LABEL + "kind");
    String name = text(labels, LABEL + "name");
    if (kind.isEmpty() || name.isEmpty()) {
      return image.isEmpty() ? Target.unknown(text(item.metadata, "name")) : Target.image(image);
    }
    String namespace = text(labels, LABEL + "namespace");
    if (namespace.isEmpty()) {
      namespace = text(item.metadata, "namespace");
    }
    return Target.workload(namespace, kind + "/" + name, image);
  }

  private static String image(JsonNode artifact, JsonNode registry) {
    String repository = text(artifact, "repository");
    if (repository.isEmpty()) {
      return "";
    }
    String server = text(registry, "server");
    String image = server.isEmpty() ? repository : server + "/" + repository;
    String tag = text(artifact, "tag");
    String digest = text(artifact, "digest");
    if (!tag.isEmpty()) {
      return image + ":" + tag;
    }
    return digest.isEmpty() ? image : image + "@" + digest;
  }
}
