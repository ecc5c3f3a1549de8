package io.patchpipeline.engine.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns Jackson and SnakeYAML errors into the position and problem of an {@link InputException}:
 * the line, column and JSON pointer of the bad value, and what was expected, without Java class
 * names or the parser's multi-line excerpts.
 */
public final class JsonProblems {
  /** The maximum size of a YAML document, the default code point limit of Jackson's YAML reader. */
  public static final int YAML_MAX_CODE_POINTS = 3 * 1024 * 1024;

  private JsonProblems() {}

  /**
   * Returns an error for {@code file} from a failed read; {@code heading} starts the problem, such
   * as "invalid record".
   */
  public static InputException error(String file, String heading, JsonProcessingException e) {
    return error(file, heading, e, null);
  }

  /**
   * Returns an error for {@code file}; {@code root} is the parsed tree when the failure came from
   * mapping it, so that missing required fields can be named.
   */
  public static InputException error(
      String file, String heading, JsonProcessingException e, JsonNode root) {
    return new InputException(file, position(e), heading + ": " + problem(e, root), e);
  }

  /** Returns the line and column, and for a mapping error the JSON pointer of the value. */
  public static String position(JsonProcessingException e) {
    List<String> parts = new ArrayList<>();
    MarkedYAMLException yaml = yamlCause(e);
    if (yaml != null && yaml.getProblemMark() != null) {
      Mark mark = yaml.getProblemMark();
      parts.add("line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1));
    } else {
      JsonLocation location = e.getLocation();
      if (location != null && location.getLineNr() > 0) {
        parts.add("line " + location.getLineNr() + ", column " + location.getColumnNr());
      }
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      parts.add(pointer(mapping));
    }
    return String.join(", ", parts);
  }

  /** Returns the problem in plain words. */
  public static String problem(JsonProcessingException e, JsonNode root) {
    MarkedYAMLException yaml = yamlCause(e);
    if (yaml != null) {
      String problem = yaml.getProblem() == null ? "" : yaml.getProblem();
      if (problem.contains("\\t") || problem.contains("\t")) {
        return "tabs are not allowed for indentation; indent with spaces";
      }
      String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
      return "invalid YAML: " + context + problem.lines().findFirst().orElse(problem);
    }
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (original.contains("exceeds the limit")) {
      return "the YAML document is larger than the limit of "
          + YAML_MAX_CODE_POINTS
          + " characters (3 MiB)";
    }
    if (e instanceof InvalidFormatException format) {
      return "invalid value '"
          + format.getValue()
          + "'; expected "
          + expected(format.getTargetType());
    }
    if (e instanceof ValueInstantiationException instantiation) {
      List<String> missing = missingFields(instantiation, root);
      return missing.isEmpty()
          ? "a required field is missing or invalid"
          : "missing required field " + String.join(", ", missing);
    }
    if (e instanceof MismatchedInputException mismatch) {
      return "wrong type; expected " + expected(mismatch.getTargetType());
    }
    boolean yamlSource = e.getProcessor() instanceof YAMLParser;
    return (yamlSource ? "invalid YAML: " : "invalid JSON: ") + cleanSyntax(original);
  }

  /** Returns the JSON pointer of a mapping error's value, such as {@code /units/0/priority}. */
  public static String pointer(JsonMappingException e) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      pointer.append('/');
      if (reference.getFieldName() != null) {
        pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (reference.getIndex() >= 0) {
        pointer.append(reference.getIndex());
      }
    }
    return pointer.toString();
  }

  private static String cleanSyntax(String message) {
    // Jackson appends a source excerpt that reads "REDACTED (StreamReadFeature...)" when source
    // inclusion is off; the line and column are already in the position.
    String first = message.lines().findFirst().orElse(message);
    first = first.replaceAll("\\s*\\(start marker at \\[Source: .*$", "");
    first = first.replaceAll("\\s*at \\[Source: .*$", "");
    if (first.startsWith("Unexpected end-of-input")) {
      return "the file ends early, it may be truncated (" + first + ")";
    }
    return first;
  }

  private static List<String> missingFields(ValueInstantiationException e, JsonNode root) {
    Class<?> type = e.getType() == null ? null : e.getType().getRawClass();
    if (root == null || type == null || !type.isRecord()) {
      return List.of();
    }
    JsonNode node = root.at(pointer(e));
    List<String> missing = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      JsonNode value = node.get(component.getName());
      boolean optional = component.getType() == java.util.Optional.class;
      if (!optional && (value == null || value.isNull())) {
        missing.add("'" + component.getName() + "'");
      }
    }
    return missing;
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
      return "a number";
    }
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type.getName().startsWith("java.time.")) {
      return "an ISO-8601 date or time";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "a value of another type";
  }

  private static MarkedYAMLException yamlCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked) {
        return marked;
      }
    }
    return null;
  }
}
