package io.patchpipeline.engine.asset;

import io.patchpipeline.engine.core.CsvRows;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Messages;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV inventory: a header naming the fields {@link EntryBuilder#FIELDS} in any order, then
 * one asset per row. A pattern cell may list several values separated by spaces or semicolons (or
 * commas, inside quotes). Lines starting with {@code #} are comments. Columns it does not know are
 * ignored with a warning, so that an export from an asset database can be used as it is.
 */
final class InventoryCsvReader {
  private final String file;
  private final InventoryBuilder inventory;
  private final Messages messages;

  InventoryCsvReader(String file, InventoryBuilder inventory, Messages messages) {
    this.file = file;
    this.inventory = inventory;
    this.messages = messages;
  }

  void read(Reader reader) throws IOException {
    try (CsvRows rows = CsvRows.open(reader, file, true)) {
      CsvRows.Row header = rows.next();
      if (header == null) {
        throw new InputException(
            file, "", "the inventory is empty; expected a header such as id,criticality,hostnames");
      }
      List<String> names = columns(header);
      for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
        inventory.add(entry(names, row));
      }
    }
  }

  private List<String> columns(CsvRows.Row header) {
    List<String> names = new ArrayList<>();
    EntryBuilder probe = new EntryBuilder(file, "", true);
    for (String value : header.values()) {
      String name = value.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
      names.add(name);
      if (!probe.set(name, "", "")) {
        messages.warning(
            file
                + " (line "
                + header.line()
                + "): column '"
                + value
                + "' is not a field and is"
                + " ignored; the fields are "
                + EntryBuilder.FIELDS);
      }
    }
    if (!names.contains("id") && !names.contains("name")) {
      throw new InputException(
          file,
          "line " + header.line(),
          "the header has no id column; expected a header such as id,criticality,hostnames");
    }
    return names;
  }

  private EntryBuilder entry(List<String> names, CsvRows.Row row) {
    String at = "line " + row.line();
    if (row.values().size() > names.size()) {
      throw new InputException(
          file,
          at,
          "found "
              + row.values().size()
              + " columns; expected at most "
              + names.size()
              + " as in the header");
    }
    EntryBuilder entry = new EntryBuilder(file, at, true);
    for (int i = 0; i < row.values().size(); i++) {
      entry.set(names.get(i), row.values().get(i), at);
    }
    return entry;
  }
}
