package io.patchpipeline.engine.service;

import io.patchpipeline.engine.policy.Priority;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a user can set for the Detect stage, in one place for the CLI and the Jenkins step.
 * Relative paths and globs are resolved against {@link #baseDir}.
 *
 * @param reports report files or globs ({@code scans/**}{@code /*.json}); at least one
 * @param kev the CISA KEV catalog (JSON or CSV); absent: KEV status is unknown
 * @param epss the FIRST EPSS file (CSV, gzip or API JSON); absent: EPSS scores are unknown
 * @param inventory the asset inventory (YAML or CSV); absent: every target is an unknown asset
 * @param policy the policy YAML; absent: the built-in default policy
 * @param recordOut where to write the record; absent: not written
 * @param failOn fail the run when a unit at or above this priority exists
 * @param feedCache folder for downloaded feeds when {@code download} is set
 * @param download fetch KEV and EPSS from their official URLs when no file is given
 * @param previous an earlier record of the same scope: findings it already had keep their first
 *     detection time, so SLA due dates do not move with each scheduled run
 */
public record DetectOptions(
    List<String> reports,
    Path baseDir,
    Optional<String> kev,
    Optional<String> epss,
    Optional<String> inventory,
    Optional<String> policy,
    Optional<Path> recordOut,
    Optional<Priority> failOn,
    Optional<Path> feedCache,
    boolean download,
    Optional<Path> previous,
    Clock clock) {

  public DetectOptions {
    reports = List.copyOf(reports);
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(clock, "clock");
  }

  public static Builder builder(Path baseDir) {
    return new Builder(baseDir);
  }

  /** Builder so that front ends set only what the user gave. */
  public static final class Builder {
    private List<String> reports = List.of();
    private final Path baseDir;
    private String kev;
    private String epss;
    private String inventory;
    private String policy;
    private Path recordOut;
    private Priority failOn;
    private Path feedCache;
    private boolean download;
    private Path previous;
    private Clock clock = Clock.systemUTC();

    private Builder(Path baseDir) {
      this.baseDir = baseDir;
    }

    public Builder reports(List<String> value) {
      reports = List.copyOf(value);
      return this;
    }

    public Builder kev(String value) {
      kev = blankToNull(value);
      return this;
    }

    public Builder epss(String value) {
      epss = blankToNull(value);
      return this;
    }

    public Builder inventory(String value) {
      inventory = blankToNull(value);
      return this;
    }

    public Builder policy(String value) {
      policy = blankToNull(value);
      return this;
    }

    public Builder recordOut(Path value) {
      recordOut = value;
      return this;
    }

    public Builder failOn(Priority value) {
      failOn = value;
      return this;
    }

    public Builder feedCache(Path value) {
      feedCache = value;
      return this;
    }

    public Builder download(boolean value) {
      download = value;
      return this;
    }

    public Builder previous(Path value) {
      previous = value;
      return this;
    }

    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    public DetectOptions build() {
      return new DetectOptions(
          reports,
          baseDir,
          Optional.ofNullable(kev),
          Optional.ofNullable(epss),
          Optional.ofNullable(inventory),
          Optional.ofNullable(policy),
          Optional.ofNullable(recordOut),
          Optional.ofNullable(failOn),
          Optional.ofNullable(feedCache),
          download,
          Optional.ofNullable(previous),
          clock);
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.trim();
    }
  }
}
