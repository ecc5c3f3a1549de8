package io.patchpipeline.engine.intel;

import io.patchpipeline.engine.core.CsvRows;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the CISA KEV CSV catalog: a header naming the JSON layout's fields ({@code cveID}, {@code
 * vendorProject}, ..., in any order; other columns are ignored), then one row per vulnerability.
 * The CSV states no catalog version, so the version is derived from the newest {@code dateAdded} in
 * the catalog's {@code YYYY.MM.DD} form; CISA publishes a new version on each day it adds entries,
 * but also on days it only edits entries, which the derived version does not reflect.
 */
final class KevCsvReader {
  static final String DERIVED_VERSION_NOTE =
      "catalog version derived from the newest dateAdded, because the CSV states none";

  private static final DateTimeFormatter VERSION_FORMAT = DateTimeFormatter.ofPattern("yyyy.MM.dd");

  private final String file;
  private final KevEntryReader entries;

  KevCsvReader(String file, Messages messages) {
    this.file = file;
    this.entries = new KevEntryReader(file, messages);
  }

  KevTable read(InputStream in) throws IOException {
    try (CsvRows rows =
        CsvRows.open(new InputStreamReader(in, StandardCharsets.UTF_8), file, false)) {
      CsvRows.Row header = rows.next();
      if (header == null) {
        throw new InputException(file, "", "the file is empty; expected the KEV CSV catalog");
      }
      List<String> names = header.values().stream().map(KevCsvReader::stripBom).toList();
      if (!names.contains("cveID")) {
        throw new InputException(
            file,
            "line " + header.line(),
            "the header lacks the column cveID; expected the KEV CSV header"
                + " cveID,vendorProject,product,vulnerabilityName,dateAdded,...");
      }
      for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
        entries.add(fields(names, row), "line " + row.line());
      }
    }
    String version = entries.newestDateAdded().map(VERSION_FORMAT::format).orElse("");
    return new KevTable(entries.entries(), version, Optional.empty());
  }

  private Map<String, String> fields(List<String> names, CsvRows.Row row) {
    if (row.values().size() != names.size()) {
      throw new InputException(
          file,
          "line " + row.line(),
          "found "
              + row.values().size()
              + " columns; expected "
              + names.size()
              + " as in the header");
    }
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i < row.values().size(); i++) {
      fields.put(names.get(i), row.values().get(i));
    }
    return fields;
  }

  private static String stripBom(String name) {
    String trimmed = name.trim();
    return trimmed.startsWith("\uFEFF") ? trimmed.substring(1) : trimmed;
  }
}
