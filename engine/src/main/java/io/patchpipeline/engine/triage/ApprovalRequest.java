package io.patchpipeline.engine.triage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A person's approval as a front end received it.
 *
 * @param approver the user id; in Jenkins, the one the input step recorded, never one a Jenkinsfile
 *     passes
 * @param administrator the approver holds Jenkins' Overall/Administer permission
 * @param startedBy the user who started the run; empty: use what the triage section recorded
 * @param changeAuthors authors of the triggering change; empty: use what triage recorded
 */
public record ApprovalRequest(
    List<String> unitIds,
    String approver,
    String reason,
    Approval.Channel channel,
    Approval.Kind kind,
    boolean administrator,
    Optional<String> startedBy,
    List<String> changeAuthors,
    Instant at) {

  public ApprovalRequest {
    unitIds = List.copyOf(unitIds);
    changeAuthors = List.copyOf(changeAuthors);
  }
}
