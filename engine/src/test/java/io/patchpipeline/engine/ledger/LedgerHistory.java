package io.patchpipeline.engine.ledger;

import io.patchpipeline.engine.policy.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A known ledger history whose metrics were worked out by hand. "Now" is 2026-04-01T00:00Z.
 *
 * <pre>
 * unit priority team detected          due               closed            hours  outcome
 * U1   P1       web  2026-01-01 00:00  2026-01-31 00:00  2026-01-03 00:00     48  MET
 * U2   P1       db   2026-01-10 00:00  2026-02-09 00:00  2026-01-20 12:00    252  MET
 * U3   P0       web  2026-01-15 00:00  2026-01-15 02:00  2026-01-15 06:00      6  BREACHED
 * U4   P2       db   2026-01-05 00:00  2026-04-05 00:00  2026-02-04 00:00    720  MET
 * U5   P1       web  2026-02-01 00:00  2026-03-03 00:00  2026-03-10 00:00    888  BREACHED
 * U6   P1       db   2026-02-20 00:00  2026-03-22 00:00  open, 40 days old        BREACHED (overdue)
 * U7   P2       -    2026-03-28 00:00  2026-06-26 00:00  open, 4 days old         -
 * U8   P3       web  2025-12-01 00:00  none              open, 121 days old       -
 * U9   P2       web  2026-03-15 00:00  2026-06-13 00:00  open, 17 days old        -
 * </pre>
 */
final class LedgerHistory {
  static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

  private LedgerHistory() {}

  static void load(Ledger ledger) {
    detected(ledger, "U1", Priority.P1, "web", "2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z");
    detected(ledger, "U2", Priority.P1, "db", "2026-01-10T00:00:00Z", "2026-02-09T00:00:00Z");
    detected(ledger, "U3", Priority.P0, "web", "2026-01-15T00:00:00Z", "2026-01-15T02:00:00Z");
    detected(ledger, "U4", Priority.P2, "db", "2026-01-05T00:00:00Z", "2026-04-05T00:00:00Z");
    detected(ledger, "U5", Priority.P1, "web", "2026-02-01T00:00:00Z", "2026-03-03T00:00:00Z");
    detected(ledger, "U6", Priority.P1, "db", "2026-02-20T00:00:00Z", "2026-03-22T00:00:00Z");
    detected(ledger, "U7", Priority.P2, "", "2026-03-28T00:00:00Z", "2026-06-26T00:00:00Z");
    detected(ledger, "U8", Priority.P3, "web", "2025-12-01T00:00:00Z", null);
    detected(ledger, "U9", Priority.P2, "web", "2026-03-15T00:00:00Z", "2026-06-13T00:00:00Z");
    closed(ledger, "U1", "2026-01-03T00:00:00Z");
    closed(ledger, "U2", "2026-01-20T12:00:00Z");
    closed(ledger, "U3", "2026-01-15T06:00:00Z");
    closed(ledger, "U4", "2026-02-04T00:00:00Z");
    closed(ledger, "U5", "2026-03-10T00:00:00Z");
  }

  static LedgerUnit unit(String id, Priority priority, String team, String detected, String due) {
    return new LedgerUnit(
        id,
        "group|debian|pkg-" + id,
        priority,
        team,
        "group",
        "pkg-" + id,
        List.of("CVE-2026-000" + id.substring(1)),
        Instant.parse(detected),
        Optional.ofNullable(due).map(Instant::parse),
        Optional.empty(),
        Optional.empty());
  }

  private static void detected(
      Ledger ledger, String id, Priority priority, String team, String detected, String due) {
    ledger.recordDetected(unit(id, priority, team, detected, due), "run-1");
  }

  private static void closed(Ledger ledger, String id, String at) {
    ledger.record(
        new LedgerEvent(
            id,
            EventType.CLOSED,
            Instant.parse(at),
            "run-2",
            "pipeline",
            "verified by targeted check"));
  }
}
