package io.patchpipeline.engine.intel;

import java.time.LocalDate;
import java.util.Optional;

/** A loaded EPSS data set, with the model version and score date that the record cites. */
public interface EpssTable {
  /** Returns the score of {@code cve} (upper-case CVE id), or empty when EPSS does not score it. */
  Optional<EpssScore> lookup(String cve);

  /**
   * Returns the EPSS model version, such as {@code v2025.03.14}, or empty when the file omits it.
   */
  String modelVersion();

  /** Returns the date the scores were published for. */
  Optional<LocalDate> scoreDate();

  int size();
}
