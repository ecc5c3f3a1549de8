package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Renders a {@link TicketDocument} or a comment as an Atlassian Document Format (ADF) document,
 * version 1, the body format of Jira Cloud REST API v3. ADF rejects empty text nodes, so empty
 * values are written as {@code -}.
 */
public final class AdfRenderer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AdfRenderer() {}

  public static ObjectNode render(TicketDocument document) {
    ObjectNode doc = doc();
    ArrayNode content = doc.withArray("content");
    for (TicketDocument.Section section : document.sections()) {
      content.add(heading(section.heading()));
      for (TicketDocument.Block block : section.blocks()) {
        content.add(block(block));
      }
    }
    return doc;
  }

  /** Renders plain text, one paragraph per line. */
  public static ObjectNode text(String text) {
    ObjectNode doc = doc();
    ArrayNode content = doc.withArray("content");
    for (String line : text.split("\n", -1)) {
      content.add(paragraph(line));
    }
    return doc;
  }

  private static ObjectNode doc() {
    ObjectNode doc = NODES.objectNode();
    doc.put("type", "doc");
    doc.put("version", 1);
    doc.putArray("content");
    return doc;
  }

  private static ObjectNode block(TicketDocument.Block block) {
    return switch (block.kind()) {
      case PARAGRAPH -> paragraph(block.items().get(0));
      case BULLETS -> list("bulletList", block.items());
      case ORDERED -> list("orderedList", block.items());
      case TABLE -> table(block.rows());
    };
  }

  private static ObjectNode heading(String text) {
    ObjectNode node = node("heading");
    node.putObject("attrs").put("level", 2);
    node.putArray("content").add(textNode(text));
    return node;
  }

  private static ObjectNode paragraph(String text) {
    ObjectNode node = node("paragraph");
    ArrayNode content = node.putArray("content");
    if (!text.isEmpty()) {
      content.add(textNode(text));
    }
    return node;
  }

  private static ObjectNode list(String type, List<String> items) {
    ObjectNode node = node(type);
    ArrayNode content = node.putArray("content");
    for (String item : items) {
      ObjectNode listItem = node("listItem");
      listItem.putArray("content").add(paragraph(nonEmpty(item)));
      content.add(listItem);
    }
    return node;
  }

  private static ObjectNode table(List<List<String>> rows) {
    ObjectNode node = node("table");
    ArrayNode content = node.putArray("content");
    for (int i = 0; i < rows.size(); i++) {
      ObjectNode row = node("tableRow");
      ArrayNode cells = row.putArray("content");
      for (String value : rows.get(i)) {
        ObjectNode cell = node(i == 0 ? "tableHeader" : "tableCell");
        cell.putArray("content").add(paragraph(nonEmpty(value)));
        cells.add(cell);
      }
      content.add(row);
    }
    return node;
  }

  private static ObjectNode textNode(String text) {
    ObjectNode node = node("text");
    node.put("text", nonEmpty(text));
    return node;
  }

  private static ObjectNode node(String type) {
    ObjectNode node = NODES.objectNode();
    node.put("type", type);
    return node;
  }

  private static String nonEmpty(String text) {
    return text == null || text.isEmpty() ? "-" : text;
  }
}
