package io.patchpipeline.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
  @Test
  void readsQuotesLineBreaksAndLineNumbers() throws Exception {
    String csv = "\uFEFFa,\"b,c\",\"say \"\"hi\"\"\"\r\n\n# note\n\"multi\nline\",x\n";
    List<CsvRows.Row> rows = readAll(new StringReader(csv), true);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).values()).containsExactly("a", "b,c", "say \"hi\"");
    assertThat(rows.get(0).line()).isEqualTo(1);
    assertThat(rows.get(1).values()).containsExactly("multi\nline", "x");
    assertThat(rows.get(1).line()).isEqualTo(4);
  }

  @Test
  void keepsCommentLinesWhenCommentsAreOff() throws Exception {
    List<CsvRows.Row> rows = readAll(new StringReader("#model,1\ncve,epss\n"), false);
    assertThat(rows).extracting(r -> r.values().get(0)).containsExactly("#model", "cve");
  }

  @Test
  void rejectsUnclosedQuote() {
    assertThatThrownBy(() -> readAll(new StringReader("a,b\n\"open,c\n"), false))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("t.csv (line 2)")
        .hasMessageContaining("quoted field is not closed");
  }

  @Test
  void rejectsFieldLongerThanLimit() {
    Reader endless =
        new Reader() {
          @Override
          public int read(char[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, 'x');
            return length;
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> readAll(endless, false))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("t.csv (line 1)")
        .hasMessageContaining("longer than " + CsvRows.MAX_FIELD_CHARS);
  }

  private static List<CsvRows.Row> readAll(Reader reader, boolean comments) throws Exception {
    List<CsvRows.Row> rows = new ArrayList<>();
    try (CsvRows csv = CsvRows.open(reader, "t.csv", comments)) {
      for (CsvRows.Row row = csv.next(); row != null; row = csv.next()) {
        rows.add(row);
      }
    }
    return rows;
  }
}
