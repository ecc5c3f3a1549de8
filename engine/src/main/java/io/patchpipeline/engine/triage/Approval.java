package io.patchpipeline.engine.triage;

import java.time.Instant;
import java.util.List;

/**
 * A person's approval of pending units, as the record keeps it.
 *
 * @param channel how it was given: through the Jenkins input step or the command line
 * @param kind an approval to deploy, or the separate approval to skip the canary in an emergency
 * @param override a Jenkins administrator approved units that separation of duties would reject
 * @param selfApproval the approver started the run or wrote its change, and the policy allows that
 *     at the units' priority
 */
public record Approval(
    List<String> unitIds,
    String approver,
    String reason,
    Channel channel,
    Kind kind,
    boolean override,
    boolean selfApproval,
    Instant approvedAt) {

  public Approval {
    unitIds = List.copyOf(unitIds);
  }

  /** Channel through which an approval reached the engine. */
  public enum Channel {
    JENKINS_INPUT,
    CLI
  }

  /** Kind of change an approval allows. */
  public enum Kind {
    APPROVAL,
    EMERGENCY_BYPASS
  }
}
