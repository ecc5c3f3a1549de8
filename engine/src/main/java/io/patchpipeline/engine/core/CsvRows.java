package io.patchpipeline.engine.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the rows of an RFC 4180 CSV file (quoted fields may hold commas, quotes and line breaks)
 * with the line each row starts on. Empty lines are skipped; lines starting with {@code #} are
 * skipped when comments are enabled.
 */
public final class CsvRows implements Closeable {
  private static final CsvFactory PLAIN = factory(false);
  private static final CsvFactory WITH_COMMENTS = factory(true);

  private final CsvParser parser;
  private final String file;

  /** One row: its values as written (unquoted) and the line it starts on, from 1. */
  public record Row(int line, List<String> values) {
    public Row {
      values = List.copyOf(values);
    }
  }

  private CsvRows(CsvParser parser, String file) {
    this.parser = parser;
    this.file = file;
  }

  public static CsvRows open(Reader reader, String file, boolean comments) throws IOException {
    return new CsvRows((comments ? WITH_COMMENTS : PLAIN).createParser(reader), file);
  }

  // The parser reads these features when it is created, so they are set on the factory.
  @SuppressWarnings("deprecation")
  private static CsvFactory factory(boolean comments) {
    CsvFactory factory = new CsvFactory();
    factory.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    if (comments) {
      factory.enable(CsvParser.Feature.ALLOW_COMMENTS);
    }
    return factory;
  }

  /**
   * Returns the next row, or null at the end of the file.
   *
   * @throws InputException when the CSV is malformed, such as a quote that is never closed
   */
  public Row next() throws IOException {
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      // The row's own start location is not set; the location of its first value is.
      int line = -1;
      List<String> values = new ArrayList<>();
      for (token = parser.nextToken();
          token == JsonToken.VALUE_STRING;
          token = parser.nextToken()) {
        if (line < 0) {
          line = (int) parser.currentTokenLocation().getLineNr();
        }
        values.add(parser.getText());
      }
      return new Row(line, values);
    } catch (JsonProcessingException e) {
      throw new InputException(
          file, "line " + e.getLocation().getLineNr(), "invalid CSV: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
