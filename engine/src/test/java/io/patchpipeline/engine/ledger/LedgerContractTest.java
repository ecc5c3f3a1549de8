package io.patchpipeline.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.ledger.LedgerMetrics.BacklogBucket;
import io.patchpipeline.engine.ledger.LedgerMetrics.Compliance;
import io.patchpipeline.engine.ledger.LedgerMetrics.MttrPoint;
import io.patchpipeline.engine.policy.Priority;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's behaviour, run once per database by the subclasses. */
abstract class LedgerContractTest {
  private Ledger ledger;

  /** Returns the options of an empty database for one test. */
  abstract LedgerOptions emptyDatabase() throws Exception;

  @BeforeEach
  void openLedger() throws Exception {
    ledger = Ledger.open(emptyDatabase());
  }

  @AfterEach
  void closeLedger() {
    // The ledger is null when the subclass skipped the test, as PostgreSQL does without a server.
    if (ledger != null) {
      ledger.close();
    }
  }

  @Test
  void detectionRecordsDetectedAndDueEvents() {
    ledger.recordDetected(
        LedgerHistory.unit(
            "U1", Priority.P1, "web", "2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z"),
        "run-1");

    assertThat(ledger.events("U1"))
        .extracting(LedgerEvent::type)
        .containsExactly(EventType.DETECTED, EventType.SLA_DUE);
    assertThat(ledger.events("U1").get(1).detail()).isEqualTo("2026-01-31T00:00:00Z");
    LedgerUnit stored = ledger.unit("U1").orElseThrow();
    assertThat(stored.cves()).containsExactly("CVE-2026-0001");
    assertThat(stored.detectedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(stored.isOpen()).isTrue();
  }

  @Test
  void repeatedDetectionKeepsFirstTime() {
    ledger.recordDetected(
        LedgerHistory.unit(
            "U1", Priority.P2, "web", "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z"),
        "run-1");
    ledger.recordDetected(
        LedgerHistory.unit(
            "U1", Priority.P2, "web", "2026-01-02T00:00:00Z", "2026-04-01T00:00:00Z"),
        "run-2");
    ledger.recordDetected(
        LedgerHistory.unit(
            "U1", Priority.P1, "web", "2026-01-03T00:00:00Z", "2026-01-31T00:00:00Z"),
        "run-3");

    LedgerUnit stored = ledger.unit("U1").orElseThrow();
    assertThat(stored.detectedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(stored.priority()).isEqualTo(Priority.P1);
    assertThat(stored.slaDueAt()).contains(Instant.parse("2026-01-31T00:00:00Z"));
    assertThat(ledger.events("U1"))
        .extracting(LedgerEvent::type)
        .containsExactly(EventType.DETECTED, EventType.SLA_DUE, EventType.SLA_DUE);
  }

  @Test
  void lifecycleEndsWithSlaOutcome() {
    ledger.recordDetected(
        LedgerHistory.unit(
            "U1", Priority.P1, "web", "2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z"),
        "run-1");
    List<EventType> steps =
        List.of(
            EventType.TICKETED,
            EventType.TRIAGED,
            EventType.APPROVED,
            EventType.TESTED,
            EventType.DEPLOYED,
            EventType.VERIFIED);
    for (int i = 0; i < steps.size(); i++) {
      ledger.record(
          new LedgerEvent(
              "U1",
              steps.get(i),
              Instant.parse("2026-01-02T00:00:00Z").plusSeconds(i * 60L),
              "run-1",
              "alice",
              "step " + i));
    }
    ledger.record(
        new LedgerEvent(
            "U1",
            EventType.CLOSED,
            Instant.parse("2026-01-03T00:00:00Z"),
            "run-1",
            "pipeline",
            "PP-1"));
    ledger.record(
        new LedgerEvent(
            "U1",
            EventType.CLOSED,
            Instant.parse("2026-02-03T00:00:00Z"),
            "run-2",
            "pipeline",
            "again"));

    assertThat(ledger.events("U1"))
        .extracting(LedgerEvent::type)
        .containsExactly(
            EventType.DETECTED,
            EventType.SLA_DUE,
            EventType.TICKETED,
            EventType.TRIAGED,
            EventType.APPROVED,
            EventType.TESTED,
            EventType.DEPLOYED,
            EventType.VERIFIED,
            EventType.CLOSED,
            EventType.SLA_MET);
    LedgerUnit stored = ledger.unit("U1").orElseThrow();
    assertThat(stored.closedAt()).contains(Instant.parse("2026-01-03T00:00:00Z"));
    assertThat(stored.outcome()).contains(SlaOutcome.MET);
    assertThat(ledger.events("U1").get(4).actor()).isEqualTo("alice");
  }

  @Test
  void eventOfUnknownUnitIsRejected() {
    assertThatThrownBy(
            () ->
                ledger.record(
                    new LedgerEvent("nope", EventType.TICKETED, Instant.EPOCH, "", "", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown unit nope");
  }

  @Test
  void reopeningRunsNoMigrationTwice() throws Exception {
    ledger.recordDetected(
        LedgerHistory.unit("U1", Priority.P1, "web", "2026-01-01T00:00:00Z", null), "run-1");

    ledger.close();

    try (Ledger again = Ledger.open(currentOptions())) {
      assertThat(again.units()).extracting(LedgerUnit::unitId).containsExactly("U1");
    }
  }

  /** Returns the options of the database this test opened, to open it a second time. */
  abstract LedgerOptions currentOptions();

  @Test
  void overdueOpenUnitsAreMarkedBreachedOnce() {
    LedgerHistory.load(ledger);

    assertThat(ledger.markOverdue(LedgerHistory.NOW)).isEqualTo(1);
    assertThat(ledger.markOverdue(LedgerHistory.NOW)).isZero();
    assertThat(ledger.unit("U6").orElseThrow().outcome()).contains(SlaOutcome.BREACHED);
    assertThat(ledger.events("U6")).extracting(LedgerEvent::type).endsWith(EventType.SLA_BREACHED);
  }

  @Test
  void mttrMatchesHandComputedHistory() {
    LedgerHistory.load(ledger);

    List<MttrPoint> mttr = LedgerMetrics.mttrByPriority(ledger.units());

    assertThat(mttr)
        .containsExactly(
            new MttrPoint(YearMonth.of(2026, 1), Priority.P0, 1, 6.0),
            new MttrPoint(YearMonth.of(2026, 1), Priority.P1, 2, 150.0),
            new MttrPoint(YearMonth.of(2026, 2), Priority.P2, 1, 720.0),
            new MttrPoint(YearMonth.of(2026, 3), Priority.P1, 1, 888.0));
  }

  @Test
  void complianceMatchesHandComputedHistory() {
    LedgerHistory.load(ledger);
    ledger.markOverdue(LedgerHistory.NOW);

    List<LedgerUnit> units = ledger.units();

    assertThat(LedgerMetrics.complianceByPriority(units))
        .containsExactly(
            new Compliance("P0", 0, 1), new Compliance("P1", 2, 2), new Compliance("P2", 1, 0));
    assertThat(LedgerMetrics.complianceByTeam(units))
        .containsExactly(new Compliance("db", 2, 1), new Compliance("web", 1, 2));
    assertThat(LedgerMetrics.complianceByPriority(units).get(1).ratio()).isEqualTo(0.5);
  }

  @Test
  void backlogMatchesHandComputedHistory() {
    LedgerHistory.load(ledger);

    List<BacklogBucket> backlog = LedgerMetrics.openBacklogByAge(ledger.units(), LedgerHistory.NOW);

    assertThat(backlog)
        .containsExactly(
            new BacklogBucket("0-7 days", Priority.P2, 1),
            new BacklogBucket("8-30 days", Priority.P2, 1),
            new BacklogBucket("31-90 days", Priority.P1, 1),
            new BacklogBucket("over 90 days", Priority.P3, 1));
  }

  @Test
  void feedAppendsEachStageOnce() {
    int detected = LedgerFeed.append(ledger, FeedRecords.detected(), "record.json");
    int ticketed = LedgerFeed.append(ledger, FeedRecords.ticketed(), "record.json");
    int triaged = LedgerFeed.append(ledger, FeedRecords.triaged(), "record.json");
    int approved = LedgerFeed.append(ledger, FeedRecords.approved(), "record.json");
    int deployed = LedgerFeed.append(ledger, FeedRecords.deployed(), "record.json");
    int verified = LedgerFeed.append(ledger, FeedRecords.verified(), "record.json");
    int again = LedgerFeed.append(ledger, FeedRecords.verified(), "record.json");

    assertThat(detected).as("DETECTED and SLA_DUE of two units").isEqualTo(4);
    assertThat(ticketed).isEqualTo(2);
    assertThat(triaged).isEqualTo(3);
    assertThat(approved).isEqualTo(1);
    assertThat(deployed).isEqualTo(4);
    assertThat(verified).isEqualTo(2);
    assertThat(again).as("a re-run adds nothing").isZero();
    assertThat(ledger.events("PP-ssl"))
        .extracting(LedgerEvent::type)
        .containsExactly(
            EventType.DETECTED,
            EventType.SLA_DUE,
            EventType.TICKETED,
            EventType.TRIAGED,
            EventType.APPROVED,
            EventType.TESTED,
            EventType.DEPLOYED,
            EventType.VERIFIED,
            EventType.CLOSED,
            EventType.SLA_MET);
    assertThat(ledger.events("PP-curl"))
        .extracting(LedgerEvent::type)
        .containsExactly(
            EventType.DETECTED,
            EventType.SLA_DUE,
            EventType.TICKETED,
            EventType.TRIAGED,
            EventType.APPROVED,
            EventType.TESTED,
            EventType.DEPLOYED);
    assertThat(ledger.events("PP-curl").get(4).actor()).isEqualTo("alice");
    assertThat(ledger.unit("PP-ssl").orElseThrow().closedAt()).contains(FeedRecords.VERIFIED);
    assertThat(ledger.unit("PP-curl").orElseThrow().isOpen()).isTrue();
  }

  @Test
  void redetectionWithNanosecondDueAddsNothing() {
    LedgerUnit unit =
        LedgerHistory.unit(
            "U9", Priority.P1, "web", "2026-01-01T00:00:00Z", "2026-01-31T00:00:00.123456789Z");

    int first = ledger.recordDetected(unit, "run-1");
    int again = ledger.recordDetected(unit, "run-2");

    assertThat(first).isEqualTo(2);
    assertThat(again).isZero();
    assertThat(ledger.events("U9")).hasSize(2);
  }
}
