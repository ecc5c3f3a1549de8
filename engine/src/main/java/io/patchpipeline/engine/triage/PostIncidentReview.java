package io.patchpipeline.engine.triage;

import java.time.Instant;
import java.util.List;

/**
 * A review owed after an emergency deployment skipped the canary.
 *
 * <p>An approval of several units owes one review per unit, so {@code unitIds} of a review that an
 * approval recorded holds one id.
 *
 * @param ticket the review ticket's key once {@link TriageTickets} opened it; empty until then
 */
public record PostIncidentReview(
    List<String> unitIds, String approver, String reason, Instant requestedAt, String ticket) {

  public PostIncidentReview {
    unitIds = List.copyOf(unitIds);
  }
}
