package io.patchpipeline.engine.triage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a user can set for the Triage stage, in one place for the CLI and the Jenkins step.
 *
 * @param record the record that Detect wrote
 * @param policy the policy YAML; absent: the built-in default policy and its default triage
 * @param ssvc SSVC values by CVE (automatable, technical impact); absent: both are unknown
 * @param inventory the asset inventory (YAML or CSV); absent: every asset value is unknown
 * @param dryRun decide and report, but write nothing
 * @param against an earlier record to compare the decisions with under the same policy
 * @param recordOut where to write the record with its triage section; absent: over {@code record}
 * @param startedBy the user who started the run; an approver must be someone else
 * @param changeAuthors authors of the change that triggered the run; they may not approve either
 */
public record TriageOptions(
    Path record,
    Optional<Path> policy,
    Optional<Path> ssvc,
    Optional<Path> inventory,
    boolean dryRun,
    Optional<Path> against,
    Optional<Path> recordOut,
    Optional<String> startedBy,
    List<String> changeAuthors,
    Clock clock) {

  public TriageOptions {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(clock, "clock");
    changeAuthors = List.copyOf(changeAuthors);
  }

  public static Builder builder(Path record) {
    return new Builder(record);
  }

  /** Builder so that front ends set only what the user gave. */
  public static final class Builder {
    private final Path record;
    private Path policy;
    private Path ssvc;
    private Path inventory;
    private boolean dryRun;
    private Path against;
    private Path recordOut;
    private String startedBy;
    private List<String> changeAuthors = List.of();
    private Clock clock = Clock.systemUTC();

    private Builder(Path record) {
      this.record = record;
    }

    public Builder policy(Path value) {
      policy = value;
      return this;
    }

    public Builder ssvc(Path value) {
      ssvc = value;
      return this;
    }

    public Builder inventory(Path value) {
      inventory = value;
      return this;
    }

    public Builder dryRun(boolean value) {
      dryRun = value;
      return this;
    }

    public Builder against(Path value) {
      against = value;
      return this;
    }

    public Builder recordOut(Path value) {
      recordOut = value;
      return this;
    }

    public Builder startedBy(String value) {
      startedBy = value == null || value.isBlank() ? null : value.trim();
      return this;
    }

    public Builder changeAuthors(List<String> value) {
      changeAuthors = List.copyOf(value);
      return this;
    }

    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    public TriageOptions build() {
      return new TriageOptions(
          record,
          Optional.ofNullable(policy),
          Optional.ofNullable(ssvc),
          Optional.ofNullable(inventory),
          dryRun,
          Optional.ofNullable(against),
          Optional.ofNullable(recordOut),
          Optional.ofNullable(startedBy),
          changeAuthors,
          clock);
    }
  }
}
