package io.patchpipeline.engine.intel;

import java.util.Optional;

/**
 * The feeds a run used, for the record: EPSS model version and score date, KEV catalog version, and
 * the files with their SHA-256. An absent feed was not loaded.
 */
public record IntelSources(Optional<FeedInfo> epss, Optional<FeedInfo> kev) {
  public static final IntelSources NONE = new IntelSources(Optional.empty(), Optional.empty());
}
