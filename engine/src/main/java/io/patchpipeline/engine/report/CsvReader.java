package io.patchpipeline.engine.report;

import io.patchpipeline.engine.core.CsvRows;
import io.patchpipeline.engine.core.InputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams the records of a comma-separated file as RFC 4180 defines them. Quoted fields may contain
 * commas, line breaks and doubled quotes, and lines end in CRLF or LF. A stray quote inside an
 * unquoted field is kept as text, as spreadsheet exports write them. A quoted field that never
 * closes means that the file was cut off, which is an {@link InputException}.
 */
final class CsvReader implements Closeable {
  private final CsvRows rows;
  private final String file;
  private Map<String, Integer> columns = Map.of();
  private int width;

  CsvReader(ReportInput input) throws IOException {
    this.file = input.name();
    this.rows =
        CsvRows.open(new InputStreamReader(input.open(), StandardCharsets.UTF_8), file, false);
  }

  /** Returns the next non-empty record, or null at the end of the file. */
  List<String> next() throws IOException {
    CsvRows.Row row = rows.next();
    return row == null ? null : row.values();
  }

  /**
   * Reads records up to the first one containing every column in {@code required}, which becomes
   * the header; columns are then found by name, ignoring case. Exports that start with a title
   * block (Qualys) are read this way.
   *
   * @throws InputException when no such record comes within the first {@code maxLines} records
   */
  void readHeader(int maxLines, String expected, String... required) throws IOException {
    for (int i = 0; i < maxLines; i++) {
      List<String> record = next();
      if (record == null) {
        break;
      }
      Map<String, Integer> names = new HashMap<>();
      for (int column = 0; column < record.size(); column++) {
        names.putIfAbsent(record.get(column).trim().toLowerCase(Locale.ROOT), column);
      }
      if (names.keySet().containsAll(List.of(required))) {
        columns = names;
        width = record.size();
        return;
      }
    }
    throw new InputException(
        file,
        "line " + Math.max(1, rows.rowLine()),
        "no header row with the columns " + String.join(", ", required) + "; expected " + expected);
  }

  /**
   * Returns the next data row after the header, skipping empty lines, or null at the end.
   *
   * @throws InputException when a row has fewer fields than the header, as the last row of a file
   *     that was cut off does
   */
  List<String> nextRow() throws IOException {
    for (List<String> row = next(); row != null; row = next()) {
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      int recordLine = rows.rowLine();
      if (row.size() < width) {
        throw new InputException(
            file,
            "line " + recordLine,
            "the row has "
                + row.size()
                + " fields but the header has "
                + width
                + "; expected complete rows (is the file cut off?)");
      }
      return row;
    }
    return null;
  }

  /** Returns whether the header has {@code column} (lower case). */
  boolean has(String column) {
    return columns.containsKey(column);
  }

  /** Returns the value of {@code column} (lower case) in {@code record}, trimmed, or "". */
  String get(List<String> record, String column) {
    Integer index = columns.get(column);
    return index == null || index >= record.size() ? "" : record.get(index).trim();
  }

  /** Returns the line on which the last record started. */
  int recordLine() {
    return rows.rowLine();
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
