package io.patchpipeline.engine.asset;

import io.patchpipeline.engine.core.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects the fields of one inventory entry as a reader meets them, validating each value where it
 * is read so that errors name its position.
 */
final class EntryBuilder {
  /** The field names an entry may have, for messages. */
  static final String FIELDS =
      "id (or name), criticality, environment, owner, exposure, group, hostnames, ips, cidrs,"
          + " images, namespaces, workloads, globs";

  private final String file;
  private final String position;
  private final boolean splitLists;
  private final List<TargetPattern> patterns = new ArrayList<>();
  private String id = "";
  private Criticality criticality = Criticality.UNKNOWN;
  private String environment = "unknown";
  private String owner = "";
  private Exposure exposure = Exposure.UNKNOWN;
  private String group = "";

  /**
   * Starts an entry at {@code position}. With {@code splitLists}, as for CSV cells, a pattern value
   * may list several patterns separated by whitespace, commas or semicolons.
   */
  EntryBuilder(String file, String position, boolean splitLists) {
    this.file = file;
    this.position = position;
    this.splitLists = splitLists;
  }

  /**
   * Sets the field {@code name} (case-insensitive) to {@code value}, found at {@code at}.
   *
   * @return false when {@code name} is not a field of an entry
   */
  boolean set(String name, String value, String at) {
    PatternKind kind = PatternKind.forKey(name);
    if (kind != null) {
      addPatterns(kind, value, at);
      return true;
    }
    String text = value == null ? "" : value.trim();
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "id", "name" -> id = text;
      case "criticality", "tier" -> criticality = parse(() -> Criticality.parse(text), at);
      case "environment", "env" ->
          environment = text.isEmpty() ? "unknown" : text.toLowerCase(Locale.ROOT);
      case "owner" -> owner = text;
      case "exposure" -> exposure = parse(() -> Exposure.parse(text), at);
      case "group" -> group = text;
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Adds the pattern {@code value}, or each pattern it lists when lists are split. */
  void addPatterns(PatternKind kind, String value, String at) {
    String text = value == null ? "" : value.trim();
    if (!splitLists) {
      patterns.add(parse(() -> TargetPattern.parse(kind, text), at));
      return;
    }
    for (String item : text.split("[\\s,;]+")) {
      if (!item.isEmpty()) {
        patterns.add(parse(() -> TargetPattern.parse(kind, item), at));
      }
    }
  }

  String position() {
    return position;
  }

  InventoryEntry build() {
    if (id.isEmpty()) {
      throw new InputException(
          file, position, "the entry has no id; expected an id (or name) for every asset");
    }
    if (patterns.isEmpty()) {
      throw new InputException(
          file,
          position,
          "asset '"
              + id
              + "' names no targets; expected at least one of hostnames, ips, cidrs, images,"
              + " namespaces, workloads or globs");
    }
    Asset asset = new Asset(id, criticality, environment, owner, exposure, group, true);
    return new InventoryEntry(asset, patterns, position);
  }

  private <T> T parse(java.util.function.Supplier<T> parser, String at) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new InputException(file, at, e.getMessage(), e);
    }
  }
}
