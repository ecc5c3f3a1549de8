package io.patchpipeline.engine.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.core.JsonProblems;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A streaming walk over one JSON report. It moves token by token, reads small subtrees (one entry
 * at a time) and turns every syntax error or early end into an {@link InputException} that names
 * the file and the line and column.
 */
final class JsonCursor implements Closeable {
  /** Handles one array element or object field while the cursor is on its value. */
  interface ValueHandler {
    void accept(JsonCursor cursor) throws IOException;
  }

  private final String file;
  private final JsonParser parser;

  private JsonCursor(String file, JsonParser parser) {
    this.file = file;
    this.parser = parser;
  }

  /**
   * Opens {@code input} and moves to its first token.
   *
   * @param expected what the file should contain, for the message about an empty file
   */
  static JsonCursor open(ReportInput input, String expected) throws IOException {
    JsonCursor cursor = new JsonCursor(input.name(), Json.factory().createParser(input.open()));
    if (cursor.next() == null) {
      cursor.close();
      throw new InputException(input.name(), "line 1", "the file is empty; expected " + expected);
    }
    return cursor;
  }

  /** Returns a cursor over a subtree read earlier, positioned on its first token. */
  static JsonCursor over(String file, JsonNode node) throws IOException {
    JsonCursor cursor = new JsonCursor(file, node.traverse(Json.mapper()));
    cursor.next();
    return cursor;
  }

  /**
   * Reads the named top-level fields of an object document, skipping the others. Parsers use it
   * when a field they need comes after the large list that needs it.
   */
  static Map<String, JsonNode> topLevelFields(ReportInput input, Set<String> names)
      throws IOException {
    Map<String, JsonNode> fields = new HashMap<>();
    try (JsonCursor cursor = open(input, "a JSON object")) {
      cursor.expect(JsonToken.START_OBJECT, "a JSON object");
      cursor.forEachField(
          field -> {
            if (names.contains(field.name())) {
              fields.put(field.name(), field.tree());
            } else {
              field.skip();
            }
          });
    }
    return fields;
  }

  String file() {
    return file;
  }

  JsonToken token() {
    return parser.currentToken();
  }

  /** Returns the field name of the current value, or empty at the top level. */
  String name() throws IOException {
    String name = parser.currentName();
    return name == null ? "" : name;
  }

  /** Returns the position of the current token as {@code line L, column C}. */
  String position() {
    JsonLocation location = parser.currentLocation();
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** Returns an error about the current position of this file. */
  InputException error(String problem) {
    return new InputException(file, position(), problem);
  }

  JsonToken next() throws IOException {
    try {
      return parser.nextToken();
    } catch (JsonProcessingException e) {
      throw syntaxError(e);
    }
  }

  /** Fails unless the current token is {@code token}; {@code what} names the expected value. */
  void expect(JsonToken token, String what) {
    if (token() != token) {
      throw error("expected " + what + " but found " + describe(token()));
    }
  }

  /** Calls {@code handler} on each field value of the current object. */
  void forEachField(ValueHandler handler) throws IOException {
    expect(JsonToken.START_OBJECT, "a JSON object");
    for (JsonToken token = next(); token != JsonToken.END_OBJECT; token = next()) {
      if (token != JsonToken.FIELD_NAME) {
        throw error("expected a field name but found " + describe(token));
      }
      next();
      handler.accept(this);
    }
  }

  /** Calls {@code handler} on each element of the current array; {@code null} counts as empty. */
  void forEachElement(String what, ValueHandler handler) throws IOException {
    if (token() == JsonToken.VALUE_NULL) {
      return;
    }
    expect(JsonToken.START_ARRAY, what + " (a JSON array)");
    for (JsonToken token = next(); token != JsonToken.END_ARRAY; token = next()) {
      if (token == null) {
        throw error("the file ends inside " + what);
      }
      handler.accept(this);
    }
  }

  /** Returns the current scalar as text: empty for {@code null}, and a skipped container. */
  String text() throws IOException {
    if (token() != null && token().isScalarValue() && token() != JsonToken.VALUE_NULL) {
      return parser.getValueAsString();
    }
    skip();
    return "";
  }

  /** Reads the current value, one small entry of the report, as a tree. */
  JsonNode tree() throws IOException {
    try {
      JsonNode node = Json.mapper().readTree(parser);
      return node == null ? MissingNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      throw syntaxError(e);
    }
  }

  /**
   * Reads the current object as a tree of only the named fields. Skipping the others (long
   * descriptions, reference lists) saves decoding them.
   */
  JsonNode tree(Set<String> fields) throws IOException {
    if (token() != JsonToken.START_OBJECT) {
      return tree();
    }
    ObjectNode node = Json.mapper().createObjectNode();
    forEachField(
        field -> {
          if (fields.contains(field.name())) {
            node.set(field.name(), field.tree());
          } else {
            field.skip();
          }
        });
    return node;
  }

  /** Skips the current value with all its children. */
  void skip() throws IOException {
    try {
      parser.skipChildren();
    } catch (JsonProcessingException e) {
      throw syntaxError(e);
    }
  }

  /**
   * Returns the text of a scalar field, or empty when it is missing, {@code null} or a container.
   */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : "";
  }

  /** Returns a number that may be written as a JSON number or a string, or {@code NaN}. */
  static double number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isNumber()) {
      return value.doubleValue();
    }
    try {
      return value.isTextual() ? Double.parseDouble(value.asText().trim()) : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Returns the non-empty texts of an array of strings; a missing field gives an empty list. */
  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    for (JsonNode element : array) {
      if (element.isValueNode() && !element.isNull() && !element.asText().isBlank()) {
        texts.add(element.asText().trim());
      }
    }
    return texts;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private InputException syntaxError(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String where =
        location == null
            ? position()
            : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    return new InputException(file, where, JsonProblems.problem(e, null), e);
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the file";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
    };
  }
}
