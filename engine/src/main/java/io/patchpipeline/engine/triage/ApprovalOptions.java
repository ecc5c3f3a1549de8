package io.patchpipeline.engine.triage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's approval of pending units in a record, from the CLI or the Jenkins step.
 *
 * @param recordOut where to write the record; absent: over {@code record}
 * @param approver the user id; in Jenkins the one the input step recorded on the run
 * @param administrator the approver holds Jenkins' Overall/Administer permission; an approval that
 *     separation of duties would reject is then recorded as an override
 * @param startedBy who started the run; absent: what the triage section recorded
 * @param changeAuthors who wrote the triggering change; empty: what the triage section recorded
 */
public record ApprovalOptions(
    Path record,
    Optional<Path> recordOut,
    List<String> unitIds,
    String approver,
    String reason,
    Approval.Channel channel,
    Approval.Kind kind,
    boolean administrator,
    Optional<String> startedBy,
    List<String> changeAuthors,
    Clock clock) {

  public ApprovalOptions {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(clock, "clock");
    unitIds = List.copyOf(unitIds);
    changeAuthors = List.copyOf(changeAuthors);
    approver = approver == null ? "" : approver.trim();
    reason = reason == null ? "" : reason.trim();
  }

  ApprovalRequest request() {
    return new ApprovalRequest(
        unitIds,
        approver,
        reason,
        channel,
        kind,
        administrator,
        startedBy,
        changeAuthors,
        clock.instant());
  }
}
