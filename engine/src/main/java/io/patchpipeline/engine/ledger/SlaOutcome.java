package io.patchpipeline.engine.ledger;

/** How a unit ended against its SLA. */
public enum SlaOutcome {
  /** Closed on or before the due date. */
  MET,
  /** Closed after the due date, or still open past it. */
  BREACHED
}
