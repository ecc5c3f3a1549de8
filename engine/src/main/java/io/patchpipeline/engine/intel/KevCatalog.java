package io.patchpipeline.engine.intel;

import java.time.LocalDate;
import java.util.Optional;

/** A loaded CISA KEV catalog, with the catalog version that the record cites. */
public interface KevCatalog {
  /** Returns the entry for {@code cve} (upper-case CVE id), or empty when it is not listed. */
  Optional<KevEntry> lookup(String cve);

  /** Returns the catalog's {@code catalogVersion}, such as {@code 2026.11.30}. */
  String catalogVersion();

  /** Returns the catalog's {@code dateReleased}. */
  Optional<LocalDate> dateReleased();

  int size();
}
