package io.patchpipeline.engine.intel;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the fields of one KEV vulnerability, as the JSON and CSV layouts name them, into a {@link
 * KevEntry}, and collects the entries. Fields it does not know are ignored. The dates are required
 * by the catalog's schema but read leniently: a blank date is absent, a malformed one is an error.
 */
final class KevEntryReader {
  private final String file;
  private final Messages messages;
  private final Map<Long, KevEntry> entries = new HashMap<>();
  private final Map<Long, String> positions = new HashMap<>();
  private LocalDate newestDateAdded;

  KevEntryReader(String file, Messages messages) {
    this.file = file;
    this.messages = messages;
  }

  /** Adds the entry with {@code fields} (keyed by the catalog's field names) read at {@code at}. */
  void add(Map<String, String> fields, String at) {
    String cve = fields.getOrDefault("cveID", "").trim();
    long key = CveIds.pack(cve);
    if (key == CveIds.INVALID) {
      throw new InputException(
          file,
          at,
          cve.isEmpty()
              ? "the entry has no cveID; expected CVE-YYYY-NNNN such as CVE-2021-44228"
              : "cveID '" + cve + "' is not a CVE id; expected CVE-YYYY-NNNN");
    }
    Optional<LocalDate> added = date(fields, "dateAdded", at);
    KevEntry entry =
        new KevEntry(
            cve.toUpperCase(Locale.ROOT),
            fields.getOrDefault("vendorProject", ""),
            fields.getOrDefault("product", ""),
            fields.getOrDefault("vulnerabilityName", ""),
            added,
            date(fields, "dueDate", at),
            fields.getOrDefault("requiredAction", ""),
            "known".equalsIgnoreCase(fields.getOrDefault("knownRansomwareCampaignUse", "").trim()));
    if (entries.containsKey(key)) {
      messages.warning(
          file
              + " ("
              + at
              + "): "
              + entry.cveId()
              + " is listed again after "
              + positions.get(key)
              + "; the first entry is used");
      return;
    }
    entries.put(key, entry);
    positions.put(key, at);
    added.ifPresent(
        date ->
            newestDateAdded =
                newestDateAdded == null || date.isAfter(newestDateAdded) ? date : newestDateAdded);
  }

  int size() {
    return entries.size();
  }

  Map<Long, KevEntry> entries() {
    return entries;
  }

  Optional<LocalDate> newestDateAdded() {
    return Optional.ofNullable(newestDateAdded);
  }

  private Optional<LocalDate> date(Map<String, String> fields, String name, String at) {
    String text = fields.getOrDefault(name, "").trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw new InputException(
          file, at, name + " '" + text + "' is not a date; expected YYYY-MM-DD", e);
    }
  }
}
