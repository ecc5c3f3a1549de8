package io.patchpipeline.engine.ticket;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code state} values a rollout sets on a ServiceNow change request. The defaults are those of
 * the change state model of the {@code change_request} table (ServiceNow documentation, "Update
 * change request states"): -5 New, -4 Assess, -3 Authorize, -2 Scheduled, -1 Implement, 0 Review, 3
 * Closed, 4 Canceled. An instance with its own state model configures its values.
 *
 * @param implement set when the rollout starts
 * @param review set when every wave passed
 * @param failed set when the rollout was rolled back or frozen; empty leaves the state as it is,
 *     with the failure in a work note
 */
public record ChangeRequestStates(String implement, String review, Optional<String> failed) {
  public static final ChangeRequestStates DEFAULTS =
      new ChangeRequestStates("-1", "0", Optional.empty());

  public ChangeRequestStates {
    Objects.requireNonNull(implement, "implement");
    Objects.requireNonNull(review, "review");
    Objects.requireNonNull(failed, "failed");
  }
}
