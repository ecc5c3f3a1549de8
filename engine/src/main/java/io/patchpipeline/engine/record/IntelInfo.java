package io.patchpipeline.engine.record;

import java.time.LocalDate;
import java.util.Optional;

/** The versions of the threat data a run used; empty text means that source was not loaded. */
public record IntelInfo(
    String epssModelVersion,
    Optional<LocalDate> epssScoreDate,
    int epssRows,
    String kevCatalogVersion,
    Optional<LocalDate> kevDateReleased,
    int kevEntries) {
  public static final IntelInfo NONE =
      new IntelInfo("", Optional.empty(), 0, "", Optional.empty(), 0);
}
