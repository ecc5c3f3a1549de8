package io.patchpipeline.engine.ledger;

/** The lifecycle events a unit goes through, in their usual order. */
public enum EventType {
  DETECTED,
  TICKETED,
  TRIAGED,
  APPROVED,
  TESTED,
  DEPLOYED,
  VERIFIED,
  CLOSED,
  /** The SLA due date was set or changed; the detail holds the new date. */
  SLA_DUE,
  SLA_MET,
  SLA_BREACHED
}
