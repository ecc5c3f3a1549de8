package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  @Test
  void readsQuotedFields() throws IOException {
    String text = "\uFEFFa,b,c\r\n1,\"two, \"\"quoted\"\"\nlines\",3\r\n\r\n4,x\"y,\n";
    List<List<String>> records = new ArrayList<>();
    try (CsvReader csv = reader(text)) {
      csv.readHeader(1, "a test file", "a", "c");
      for (List<String> row = csv.nextRow(); row != null; row = csv.nextRow()) {
        records.add(row);
      }
    }
    assertThat(records)
        .containsExactly(List.of("1", "two, \"quoted\"\nlines", "3"), List.of("4", "x\"y", ""));
  }

  @Test
  void findsHeaderBelowTitleBlockIgnoringCase() throws IOException {
    try (CsvReader csv = reader("\"Report\",\"2026\"\n\"QID\",\"CVE\"\n\"38173\",\"\"\n")) {
      csv.readHeader(5, "a test file", "qid", "cve");
      List<String> row = csv.nextRow();

      assertThat(csv.get(row, "qid")).isEqualTo("38173");
      assertThat(csv.get(row, "missing")).isEmpty();
      assertThat(csv.recordLine()).isEqualTo(3);
    }
  }

  @Test
  void rejectsUnclosedQuote() {
    assertThatThrownBy(
            () -> {
              try (CsvReader csv = reader("a,b\n1,\"never closed\n")) {
                csv.readHeader(1, "a test file", "a");
                csv.nextRow();
              }
            })
        .isInstanceOf(InputException.class)
        .hasMessageContaining("test.csv (line 2)")
        .hasMessageContaining("closing quote");
  }

  @Test
  void rejectsShortRow() {
    assertThatThrownBy(
            () -> {
              try (CsvReader csv = reader("a,b,c\n1,2,3\n4,5\n")) {
                csv.readHeader(1, "a test file", "a");
                csv.nextRow();
                csv.nextRow();
              }
            })
        .isInstanceOf(InputException.class)
        .hasMessageContaining("test.csv (line 3)")
        .hasMessageContaining("2 fields but the header has 3");
  }

  @Test
  void rejectsMissingHeader() {
    assertThatThrownBy(
            () -> {
              try (CsvReader csv = reader("x,y\n1,2\n")) {
                csv.readHeader(2, "a test file", "qid");
              }
            })
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no header row with the columns qid; expected a test file");
  }

  private static CsvReader reader(String text) throws IOException {
    return new CsvReader(
        AbstractParserTest.bytes("test.csv", text.getBytes(StandardCharsets.UTF_8)));
  }
}
