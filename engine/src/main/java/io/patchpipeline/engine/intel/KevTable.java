package io.patchpipeline.engine.intel;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A loaded KEV catalog, keyed by packed CVE id; the catalog has a few thousand entries. */
final class KevTable implements KevCatalog {
  private final Map<Long, KevEntry> entries;
  private final String catalogVersion;
  private final Optional<LocalDate> dateReleased;

  KevTable(Map<Long, KevEntry> entries, String catalogVersion, Optional<LocalDate> dateReleased) {
    this.entries = Map.copyOf(entries);
    this.catalogVersion = Objects.requireNonNullElse(catalogVersion, "");
    this.dateReleased = dateReleased;
  }

  @Override
  public Optional<KevEntry> lookup(String cve) {
    long key = CveIds.pack(cve);
    return key == CveIds.INVALID ? Optional.empty() : Optional.ofNullable(entries.get(key));
  }

  @Override
  public String catalogVersion() {
    return catalogVersion;
  }

  @Override
  public Optional<LocalDate> dateReleased() {
    return dateReleased;
  }

  /** Returns the entries, in no particular order. */
  java.util.Collection<KevEntry> entries() {
    return entries.values();
  }

  @Override
  public int size() {
    return entries.size();
  }
}
