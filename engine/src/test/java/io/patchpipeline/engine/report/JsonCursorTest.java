package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCursorTest {
  /** The parsers that read JSON through {@link JsonCursor}. */
  private static final List<ReportParser> JSON_PARSERS =
      List.of(
          new TrivyParser(),
          new TrivyOperatorParser(),
          new GrypeParser(),
          new OsvScannerParser(),
          new CycloneDxParser(),
          new DependencyCheckJsonParser());

  private static ReportInput input(String name, String content) {
    return AbstractParserTest.bytes(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rejectsDeeplyNestedInput() {
    String nested = "{\"Results\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
    ReportInput hostile = input("nested.json", nested);
    List<ReportParser> jsonParsers = new java.util.ArrayList<>(JSON_PARSERS);
    jsonParsers.add(new SarifParser());
    for (ReportParser parser : jsonParsers) {
      assertThatThrownBy(() -> parser.parse(hostile, new AbstractParserTest.CollectingSink()))
          .as(parser.format())
          .isInstanceOf(InputException.class)
          .hasMessageContaining("nested.json (line 1, column");
    }
  }

  @Test
  void namesLineAndColumnOfSyntaxError() {
    ReportInput broken = input("broken.json", "{\n  \"SchemaVersion\": 2,\n  \"Results\": [}\n");
    assertThatThrownBy(
            () -> new TrivyParser().parse(broken, new AbstractParserTest.CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("broken.json (line 3, column ")
        .hasMessageContaining("invalid JSON");
  }

  @Test
  void explainsEarlyEnd() {
    ReportInput cut = input("cut.json", "{\"matches\": [{\"vulnerability\": {\"id\": \"CVE-2021-4");
    assertThatThrownBy(() -> new GrypeParser().parse(cut, new AbstractParserTest.CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("cut.json (line 1")
        .hasMessageContaining("truncated");
  }

  @Test
  void rejectsTopLevelScalar() {
    ReportInput scalar = input("scalar.json", "\"just a string\"");
    for (ReportParser parser : JSON_PARSERS) {
      assertThatThrownBy(() -> parser.parse(scalar, new AbstractParserTest.CollectingSink()))
          .as(parser.format())
          .isInstanceOf(InputException.class)
          .hasMessageContaining("scalar.json (line 1, column")
          .hasMessageContaining("found a string");
    }
  }

  @Test
  void readsOnlyNamedFields() throws Exception {
    ReportInput input = input("fields.json", "{\"a\": 1, \"b\": {\"c\": [1, 2]}, \"d\": \"x\"}");
    try (JsonCursor cursor = JsonCursor.open(input, "an object")) {
      var node = cursor.tree(java.util.Set.of("a", "d"));
      assertThat(node.size()).isEqualTo(2);
      assertThat(JsonCursor.text(node, "d")).isEqualTo("x");
      assertThat(JsonCursor.number(node, "a")).isEqualTo(1.0);
      assertThat(node.has("b")).isFalse();
    }
  }

  @Test
  void convertsScalarsLeniently() throws Exception {
    ReportInput input =
        input(
            "values.json",
            "{\"n\": \"7.5\", \"bad\": \"high\", \"list\": [\"a\", null, \" \", 3]}");
    try (JsonCursor cursor = JsonCursor.open(input, "an object")) {
      var node = cursor.tree();
      assertThat(JsonCursor.number(node, "n")).isEqualTo(7.5);
      assertThat(JsonCursor.number(node, "bad")).isNaN();
      assertThat(JsonCursor.number(node, "missing")).isNaN();
      assertThat(JsonCursor.text(node, "list")).isEmpty();
      assertThat(JsonCursor.texts(node.path("list"))).isEqualTo(List.of("a", "3"));
    }
  }
}
