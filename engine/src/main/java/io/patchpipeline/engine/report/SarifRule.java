package io.patchpipeline.engine.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a SARIF {@code reportingDescriptor} (a rule) that its results inherit.
 *
 * @param level {@code defaultConfiguration.level}, or empty
 * @param help the help text, or its Markdown where the text is empty (Snyk writes only Markdown)
 * @param properties the rule's property bag, where scanners put scores and tags
 */
record SarifRule(
    String id,
    String name,
    String level,
    String title,
    String description,
    String help,
    JsonNode properties) {

  static SarifRule of(JsonNode rule) {
    return new SarifRule(
        text(rule, "id"),
        text(rule, "name"),
        text(rule, "defaultConfiguration", "level"),
        Fields.first(text(rule, "shortDescription", "text"), text(rule, "name")),
        text(rule, "fullDescription", "text"),
        Fields.first(text(rule, "help", "text"), text(rule, "help", "markdown")),
        rule.path("properties"));
  }

  /** Returns the text at {@code path} below {@code node}, trimmed, or an empty string. */
  static String text(JsonNode node, String... path) {
    JsonNode current = node;
    for (String name : path) {
      current = current == null ? null : current.get(name);
    }
    return current == null || current.isNull() || current.isContainerNode()
        ? ""
        : current.asText("").trim();
  }
}
