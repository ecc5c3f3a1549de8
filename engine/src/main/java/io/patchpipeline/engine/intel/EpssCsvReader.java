package io.patchpipeline.engine.intel;

import io.patchpipeline.engine.core.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads EPSS scores in the comma-separated layouts FIRST has published since 2021 and the
 * semicolon-separated layout of mirrors that store API results:
 *
 * <ul>
 *   <li>an optional first line {@code #model_version:v2025.03.14,score_date:2025-03-14T00:00:00Z};
 *   <li>an optional header naming the columns {@code cve}, {@code epss} and optionally {@code
 *       percentile}, in any order (other columns are ignored);
 *   <li>without a header, the columns are {@code cve}, {@code epss} and optionally {@code
 *       percentile}, in that order;
 *   <li>the 2021 layout {@code cve,epss} has no percentile: scores read from it have an unknown
 *       percentile ({@link EpssScore#hasPercentile()} is false).
 * </ul>
 */
final class EpssCsvReader {
  private final String file;
  private final EpssTableBuilder builder;
  private int line;
  private char separator;
  private int cveColumn = -1;
  private int epssColumn = -1;
  private int percentileColumn = -1;
  private int columnCount;

  EpssCsvReader(String file, EpssTableBuilder builder) {
    this.file = file;
    this.builder = builder;
  }

  void read(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String text = reader.readLine(); text != null; text = reader.readLine()) {
      line++;
      if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
      if (text.isBlank()) {
        continue;
      }
      if (text.charAt(0) == '#') {
        readComment(text);
      } else if (columnCount == 0) {
        readLayout(text);
      } else {
        readRow(text);
      }
    }
  }

  private void readComment(String text) {
    if (columnCount == 0) {
      EpssModelLine model = EpssModelLine.parse(text, file, line);
      builder.describe(model.modelVersion(), model.scoreDate());
    }
  }

  /** Reads the header, or takes the column layout from the first row when there is none. */
  private void readLayout(String text) {
    separator = text.indexOf(',') < 0 && text.indexOf(';') >= 0 ? ';' : ',';
    String[] names = text.split(String.valueOf(separator), -1);
    if (CveIds.pack(names[0].trim()) != CveIds.INVALID) {
      columnCount = names.length;
      cveColumn = 0;
      epssColumn = 1;
      percentileColumn = names.length > 2 ? 2 : -1;
      requireColumns();
      readRow(text);
      return;
    }
    for (int i = 0; i < names.length; i++) {
      switch (names[i].trim().toLowerCase(Locale.ROOT)) {
        case "cve" -> cveColumn = i;
        case "epss" -> epssColumn = i;
        case "percentile" -> percentileColumn = i;
        default -> {
          // Columns that later layouts may add are ignored.
        }
      }
    }
    columnCount = names.length;
    if (cveColumn < 0 || epssColumn < 0) {
      throw error(
          "header '"
              + text
              + "' lacks the columns cve and epss; expected a header such as"
              + " cve,epss,percentile or a first row such as CVE-2021-44228,0.94,0.99");
    }
  }

  private void requireColumns() {
    if (columnCount < 2) {
      throw error(
          "found 1 column; expected cve"
              + separator
              + "epss or cve"
              + separator
              + "epss"
              + separator
              + "percentile");
    }
  }

  private void readRow(String text) {
    int[] starts = new int[columnCount + 1];
    int found = split(text, starts);
    if (found != columnCount) {
      throw error(
          "found "
              + found
              + " columns separated by '"
              + separator
              + "'; expected "
              + columnCount
              + " as in the first line of the table");
    }
    String cve = field(text, starts, cveColumn);
    long key = CveIds.pack(cve);
    if (key == CveIds.INVALID) {
      throw error("'" + cve + "' is not a CVE id; expected CVE-YYYY-NNNN such as CVE-2021-44228");
    }
    int score = EpssValues.parse(field(text, starts, epssColumn), "EPSS score", file, line);
    int percentile =
        percentileColumn < 0
            ? PackedEpssTable.NO_PERCENTILE
            : EpssValues.parse(field(text, starts, percentileColumn), "percentile", file, line);
    builder.add(key, score, percentile, line);
  }

  /** Records where each field starts; {@code starts[n]} is one past the end of the last field. */
  private int split(String text, int[] starts) {
    int count = 0;
    int start = 0;
    while (true) {
      int end = text.indexOf(separator, start);
      if (count < columnCount) {
        starts[count] = start;
      }
      count++;
      if (end < 0) {
        if (count <= columnCount) {
          starts[count] = text.length() + 1;
        }
        return count;
      }
      start = end + 1;
    }
  }

  private static String field(String text, int[] starts, int column) {
    return text.substring(starts[column], starts[column + 1] - 1).trim();
  }

  private InputException error(String problem) {
    return new InputException(file, "line " + line, problem);
  }
}
