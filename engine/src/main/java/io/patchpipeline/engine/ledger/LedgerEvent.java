package io.patchpipeline.engine.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One lifecycle event of one unit.
 *
 * @param runId the pipeline run that recorded it, or empty
 * @param actor who caused it: an approver's name, a policy rule id, or {@code pipeline}
 * @param detail free text such as a ticket key or a verification method; never a secret
 */
public record LedgerEvent(
    String unitId, EventType type, Instant occurredAt, String runId, String actor, String detail) {
  public LedgerEvent {
    unitId = Objects.requireNonNull(unitId, "unitId");
    type = Objects.requireNonNull(type, "type");
    occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    runId = Objects.requireNonNullElse(runId, "");
    actor = Objects.requireNonNullElse(actor, "");
    detail = Objects.requireNonNullElse(detail, "");
  }
}
