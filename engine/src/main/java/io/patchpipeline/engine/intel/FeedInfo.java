package io.patchpipeline.engine.intel;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The description of a loaded feed that the record cites: its version and date, the files read and
 * their hashes.
 *
 * @param feed {@code EPSS} or {@code KEV}
 * @param version the EPSS model version or the KEV catalog version; empty when the files have none
 * @param date the EPSS score date or the KEV release date
 * @param entries the number of scored or listed CVEs
 * @param note how the version or date was obtained when the files do not state it; else empty
 */
public record FeedInfo(
    String feed,
    String version,
    Optional<LocalDate> date,
    int entries,
    List<FeedFile> files,
    String note) {
  public static final String EPSS = "EPSS";
  public static final String KEV = "KEV";

  public FeedInfo {
    Objects.requireNonNull(feed, "feed");
    version = Objects.requireNonNullElse(version, "");
    date = Objects.requireNonNullElse(date, Optional.empty());
    files = List.copyOf(files);
    note = Objects.requireNonNullElse(note, "");
  }
}
