package io.patchpipeline.engine.intel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The threat data to load. A local file wins over a download. With neither, that source is absent
 * and its values are unknown for every finding.
 *
 * @param epssFiles EPSS files (CSV, gzip or API JSON) merged into one table; empty for none
 * @param kevFile the CISA KEV catalog (JSON or CSV)
 * @param download when present, each feed without a local file is downloaded through the cache
 */
public record IntelOptions(
    List<Path> epssFiles, Optional<Path> kevFile, Optional<FeedDownload> download, Clock clock) {
  public IntelOptions {
    epssFiles = List.copyOf(epssFiles);
    Objects.requireNonNull(kevFile, "kevFile");
    Objects.requireNonNull(download, "download");
    Objects.requireNonNull(clock, "clock");
  }
}
