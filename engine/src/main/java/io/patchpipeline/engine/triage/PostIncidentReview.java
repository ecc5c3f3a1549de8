package io.patchpipeline.engine.triage;

import java.time.Instant;
import java.util.List;

/**
 * A review owed after an emergency deployment skipped the canary.
 *
 * @param ticket the review ticket's key once the ticket stage opened it; empty until then
 */
public record PostIncidentReview(
    List<String> unitIds, String approver, String reason, Instant requestedAt, String ticket) {

  public PostIncidentReview {
    unitIds = List.copyOf(unitIds);
  }
}
