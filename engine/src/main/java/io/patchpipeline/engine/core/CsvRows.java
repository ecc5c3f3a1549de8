package io.patchpipeline.engine.core;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the rows of a comma-separated file as RFC 4180 defines them, with the line each row
 * starts on. Quoted fields may contain commas, line breaks and doubled quotes; lines end in CRLF or
 * LF; a byte order mark is skipped. A stray quote inside an unquoted field is kept as text, as
 * spreadsheet exports write them. Empty lines are skipped, and so are lines starting with {@code #}
 * when comments are enabled. A quoted field that never closes means the file was cut off.
 */
public final class CsvRows implements Closeable {
  /** The longest field accepted, so that a hostile or decompressed file cannot exhaust memory. */
  public static final int MAX_FIELD_CHARS = 1024 * 1024;

  private static final int NONE = -2;

  private final Reader reader;
  private final String file;
  private final boolean comments;
  private int line = 1;
  private int rowLine;
  private int pushedBack = NONE;

  /** One row: its values as written (unquoted) and the line it starts on, from 1. */
  public record Row(int line, List<String> values) {
    public Row {
      values = List.copyOf(values);
    }
  }

  private CsvRows(Reader reader, String file, boolean comments) {
    this.reader = reader instanceof BufferedReader ? reader : new BufferedReader(reader, 64 * 1024);
    this.file = file;
    this.comments = comments;
  }

  public static CsvRows open(Reader reader, String file, boolean comments) throws IOException {
    CsvRows rows = new CsvRows(reader, file, comments);
    int first = rows.reader.read();
    if (first != '\uFEFF') {
      rows.pushedBack = first;
    }
    return rows;
  }

  /**
   * Returns the next non-empty row, or null at the end of the file.
   *
   * @throws InputException when a quoted field is not closed or a field exceeds {@link
   *     #MAX_FIELD_CHARS}
   */
  public Row next() throws IOException {
    while (true) {
      List<String> values = nextRecord();
      if (values == null) {
        return null;
      }
      boolean empty = values.size() == 1 && values.get(0).isEmpty();
      boolean comment = comments && !values.isEmpty() && values.get(0).startsWith("#");
      if (!empty && !comment) {
        return new Row(rowLine, values);
      }
    }
  }

  /** Returns the line on which the last row started. */
  public int rowLine() {
    return rowLine;
  }

  private List<String> nextRecord() throws IOException {
    int c = read();
    if (c < 0) {
      return null;
    }
    rowLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean inQuotes = false;
    while (true) {
      if (field.length() > MAX_FIELD_CHARS) {
        throw new InputException(
            file,
            "line " + rowLine,
            "invalid CSV: a field is longer than " + MAX_FIELD_CHARS + " characters");
      }
      if (inQuotes) {
        if (c < 0) {
          throw new InputException(
              file,
              "line " + rowLine,
              "invalid CSV: a quoted field is not closed before the end of the file;"
                  + " expected a closing quote");
        }
        if (c == '"') {
          int after = read();
          if (after != '"') {
            inQuotes = false;
            c = after;
            continue;
          }
        }
        field.append((char) c);
      } else if (c == '"' && field.isEmpty() && !quoted) {
        inQuotes = true;
        quoted = true;
      } else if (c == ',' || c == '\n' || c == '\r' || c < 0) {
        fields.add(field.toString());
        field.setLength(0);
        quoted = false;
        if (c != ',') {
          skipLineFeedAfter(c);
          return fields;
        }
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private void skipLineFeedAfter(int c) throws IOException {
    if (c == '\r') {
      int after = read();
      if (after != '\n') {
        pushedBack = after;
      }
    }
  }

  private int read() throws IOException {
    int c;
    if (pushedBack != NONE) {
      c = pushedBack;
      pushedBack = NONE;
    } else {
      c = reader.read();
    }
    if (c == '\n') {
      line++;
    }
    return c;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
