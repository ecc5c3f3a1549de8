package io.patchpipeline.engine.ticket;

import static io.patchpipeline.engine.ticket.TestRecords.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the Atlassian Document Format we send: against Atlassian's published JSON schema (npm
 * package {@code @atlaskit/adf-schema}, file {@code dist/json-schema/v1/full.json}) when the build
 * installed it under {@code target/adf-schema}, and always against a structural check of our own.
 */
class AdfSchemaTest {
  /** The schema file; the system property {@code adf.schema} can name another copy. */
  static final Path SCHEMA =
      Path.of(
          System.getProperty(
              "adf.schema",
              "target/adf-schema/node_modules/@atlaskit/adf-schema/dist/json-schema/v1/full.json"));

  private static final Set<String> BLOCKS =
      Set.of("heading", "paragraph", "bulletList", "orderedList", "table");

  private static List<JsonNode> documents() {
    PatchRecord record =
        TestRecords.record(
            List.of(
                spec("lodash", Priority.P0, "CVE-2026-0001", "CVE-2026-0002"),
                spec("openssl", Priority.P3, "CVE-2026-0100").withAssets()));
    List<JsonNode> documents = new ArrayList<>();
    for (var unit : record.units()) {
      TicketDraft draft = TicketDraft.of(record, unit);
      documents.add(AdfRenderer.render(TicketDocument.of(draft)));
      documents.add(
          AdfRenderer.text(TicketChange.between(java.util.Optional.empty(), draft).comment()));
    }
    documents.add(AdfRenderer.text("line one\n\nline three"));
    return documents;
  }

  @Test
  void documentsMatchAtlassianSchema() throws Exception {
    assumeTrue(
        Files.isRegularFile(SCHEMA),
        "ADF schema not installed at "
            + SCHEMA
            + "; run: npm install --prefix target/adf-schema @atlaskit/adf-schema");
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    for (JsonNode document : documents()) {
      Set<ValidationMessage> errors = schema.validate(document);

      assertThat(errors).as("schema errors of %s", document).isEmpty();
    }
  }

  @Test
  void schemaRejectsInvalidDocument() throws Exception {
    assumeTrue(Files.isRegularFile(SCHEMA), "ADF schema not installed at " + SCHEMA);
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    JsonNode invalid =
        Json.mapper()
            .readTree(
                "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"text\",\"text\":\"\"}]}");

    assertThat(schema.validate(invalid)).isNotEmpty();
  }

  @Test
  void documentsPassStructuralCheck() {
    for (JsonNode document : documents()) {
      List<String> problems = new ArrayList<>();
      assertThat(document.path("type").asText()).isEqualTo("doc");
      assertThat(document.path("version").asInt()).isEqualTo(1);
      for (JsonNode block : document.path("content")) {
        if (!BLOCKS.contains(block.path("type").asText())) {
          problems.add("top-level node " + block.path("type"));
        }
        check(block, problems);
      }

      assertThat(problems).as("structural problems of %s", document).isEmpty();
    }
  }

  @Test
  void descriptionHasEverySection() {
    JsonNode document = documents().get(0);
    List<String> headings = new ArrayList<>();
    document
        .path("content")
        .forEach(
            n -> {
              if (n.path("type").asText().equals("heading")) {
                headings.add(n.path("content").get(0).path("text").asText());
              }
            });

    assertThat(headings)
        .containsExactly(
            "Summary",
            "Vulnerabilities",
            "Affected assets",
            "SLA",
            "Estimated patch complexity",
            "Remediation steps",
            "Verification",
            "Tracking");
    JsonNode table =
        document.findParents("type").stream()
            .filter(n -> n.path("type").asText().equals("table"))
            .findFirst()
            .orElseThrow();
    assertThat(table.path("content")).hasSize(3);
    assertThat(table.toString())
        .contains("0.4321 (97.0%)")
        .contains("listed")
        .contains("2026-12-20");
  }

  private static void check(JsonNode node, List<String> problems) {
    String type = node.path("type").asText();
    switch (type) {
      case "text" -> {
        if (node.path("text").asText().isEmpty()) {
          problems.add("empty text node");
        }
      }
      case "heading" -> {
        int level = node.path("attrs").path("level").asInt();
        if (level < 1 || level > 6) {
          problems.add("heading level " + level);
        }
      }
      case "bulletList", "orderedList" -> requireChildren(node, "listItem", problems);
      case "table" -> requireChildren(node, "tableRow", problems);
      case "tableRow" -> {
        for (JsonNode cell : node.path("content")) {
          if (!Set.of("tableHeader", "tableCell").contains(cell.path("type").asText())) {
            problems.add("table row child " + cell.path("type"));
          }
        }
      }
      case "listItem", "tableHeader", "tableCell" -> requireChildren(node, "paragraph", problems);
      case "paragraph" -> requireChildren(node, "text", problems);
      default -> problems.add("unexpected node " + type);
    }
    node.path("content").forEach(child -> check(child, problems));
  }

  private static void requireChildren(JsonNode node, String type, List<String> problems) {
    for (JsonNode child : node.path("content")) {
      if (!child.path("type").asText().equals(type)) {
        problems.add(node.path("type").asText() + " contains " + child.path("type"));
      }
    }
    if (!node.path("type").asText().equals("paragraph") && node.path("content").isEmpty()) {
      problems.add("empty " + node.path("type").asText());
    }
  }
}
