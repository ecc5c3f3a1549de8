package io.patchpipeline.engine.asset;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the entries of one inventory file: rejects a duplicate id, and warns when two entries
 * list the same pattern, because only the first of them can ever match by it.
 */
final class InventoryBuilder {
  private final String file;
  private final Messages messages;
  private final List<InventoryEntry> entries = new ArrayList<>();
  private final Map<String, InventoryEntry> byId = new HashMap<>();
  private final Map<String, InventoryEntry> byPattern = new HashMap<>();

  InventoryBuilder(String file, Messages messages) {
    this.file = file;
    this.messages = messages;
  }

  void add(EntryBuilder builder) {
    InventoryEntry entry = builder.build();
    String id = entry.asset().id();
    InventoryEntry first = byId.putIfAbsent(id, entry);
    if (first != null) {
      throw new InputException(
          file,
          entry.position(),
          "asset id '"
              + id
              + "' is already used at "
              + first.position()
              + "; expected each id once");
    }
    for (TargetPattern pattern : entry.patterns()) {
      InventoryEntry earlier = byPattern.putIfAbsent(pattern.describe(), entry);
      if (earlier != null && earlier != entry) {
        messages.warning(
            file
                + " ("
                + entry.position()
                + "): "
                + pattern.describe()
                + " is also listed by asset '"
                + earlier.asset().id()
                + "' at "
                + earlier.position()
                + ", which takes precedence");
      }
    }
    entries.add(entry);
  }

  FileInventory build() {
    return new FileInventory(file, entries);
  }
}
