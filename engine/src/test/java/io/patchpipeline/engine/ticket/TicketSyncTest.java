package io.patchpipeline.engine.ticket;

import static io.patchpipeline.engine.ticket.TestRecords.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Creates, finds again and updates tickets in every ticket system, without duplicates. */
class TicketSyncTest {
  @TempDir Path temp;

  private Path outbox() {
    return temp.resolve("record.json" + Outbox.SUFFIX);
  }

  private static PatchRecord twoUnits() {
    return TestRecords.record(
        List.of(
            spec("lodash", Priority.P1, "CVE-2026-0001", "CVE-2026-0002"),
            spec("openssl", Priority.P2, "CVE-2026-0100")));
  }

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void firstRunCreatesOneTicketPerUnit(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      TicketSyncResult result = fixture.sync(outbox(), false).sync(twoUnits());

      assertThat(result.created()).isEqualTo(2);
      assertThat(result.failed()).isZero();
      assertThat(fixture.ticketCount()).isEqualTo(2);
      assertThat(result.keysByUnit()).containsOnlyKeys("PP-lodash", "PP-openssl");
      assertThat(Files.exists(outbox())).as("outbox removed once every write is done").isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void secondRunOnSameRecordWritesNothing(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      fixture.sync(outbox(), false).sync(twoUnits());
      fixture.server().ifPresent(FakeApiServer::resetCounters);

      TicketSyncResult second = fixture.sync(outbox(), false).sync(twoUnits());

      assertThat(second.created()).isZero();
      assertThat(second.updated()).isZero();
      assertThat(second.unchanged()).isEqualTo(2);
      assertThat(second.writes()).isZero();
      assertThat(fixture.ticketCount()).isEqualTo(2);
      fixture.server().ifPresent(s -> assertThat(s.writes()).as("writes on the server").isZero());
      fixture.server().ifPresent(s -> assertThat(s.searches()).as("one search").isEqualTo(1));
    }
  }

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void newCveUpdatesTicketAndComments(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      TicketSyncResult first = fixture.sync(outbox(), false).sync(twoUnits());
      String key = first.keysByUnit().get("PP-lodash");
      PatchRecord withNewCve =
          TestRecords.record(
              List.of(
                  spec("lodash", Priority.P1, "CVE-2026-0001", "CVE-2026-0002", "CVE-2026-0003")
                      .withAssets("web-1", "web-2", "web-3"),
                  spec("openssl", Priority.P2, "CVE-2026-0100")));

      TicketSyncResult second = fixture.sync(outbox(), false).sync(withNewCve);

      assertThat(second.updated()).isEqualTo(1);
      assertThat(second.created()).isZero();
      assertThat(second.unchanged()).isEqualTo(1);
      assertThat(second.writes()).isEqualTo(1);
      assertThat(second.keysByUnit()).containsEntry("PP-lodash", key);
      assertThat(fixture.ticketCount()).isEqualTo(2);
      assertThat(fixture.comments(key)).hasSize(1);
      assertThat(fixture.comments(key).get(0))
          .contains("New CVEs: CVE-2026-0003")
          .contains("New affected assets: web-3");
    }
  }

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void higherPriorityIsAppliedLowerOnlyReported(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      String key = fixture.sync(outbox(), false).sync(twoUnits()).keysByUnit().get("PP-openssl");
      String p2 = fixture.priority(key);

      fixture.sync(outbox(), false).sync(priority(Priority.P0));
      String p0 = fixture.priority(key);
      TicketSyncResult lowered = fixture.sync(outbox(), false).sync(priority(Priority.P3));
      TicketSyncResult again = fixture.sync(outbox(), false).sync(priority(Priority.P3));

      assertThat(p0).isNotEqualTo(p2);
      assertThat(fixture.priority(key)).as("priority after a lower scan").isEqualTo(p0);
      assertThat(lowered.updated()).isEqualTo(1);
      List<String> comments = fixture.comments(key);
      assertThat(comments.get(0)).contains("Priority raised from P2 to P0");
      assertThat(comments.get(1)).contains("rates this unit P3").contains("stays P0");
      assertThat(again.writes()).as("no repeated comment").isZero();
    }
  }

  private static PatchRecord priority(Priority priority) {
    return TestRecords.record(
        List.of(
            spec("lodash", Priority.P1, "CVE-2026-0001", "CVE-2026-0002"),
            spec("openssl", priority, "CVE-2026-0100")));
  }

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void dryRunReportsAndChangesNothing(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      TicketSyncResult result = fixture.sync(outbox(), true).sync(twoUnits());

      assertThat(result.planned()).hasSize(2);
      assertThat(result.planned().get(0)).startsWith("would create: [P1] Upgrade lodash to 1.2.3");
      assertThat(result.record().stage(TicketLinks.STAGE)).isEmpty();
      assertThat(Files.exists(outbox())).isFalse();
      fixture.server().ifPresent(s -> assertThat(s.writes()).isZero());
      if (type == TicketSystemType.FILE) {
        assertThat(Files.exists(temp.resolve("tickets"))).isFalse();
      } else {
        assertThat(fixture.ticketCount()).isZero();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void commentAndCloseWithEvidence(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      TicketSync sync = fixture.sync(outbox(), false);
      PatchRecord record = sync.sync(twoUnits()).record();
      String key = TicketLinks.of(record).keysByUnit().get("PP-lodash");
      Path evidence = Files.writeString(temp.resolve("evidence.zip"), "evidence");

      sync.comment(record, "PP-lodash", "Approved by policy rule dev-low-risk.");
      PatchRecord closed =
          sync.close(
              record,
              "PP-lodash",
              "Verified: CVE-2026-0001 is gone.",
              java.util.Optional.of(evidence));

      assertThat(fixture.comments(key)).anyMatch(c -> c.contains("Approved by policy rule"));
      assertThat(TicketLinks.of(closed).unit("PP-lodash").orElseThrow().status())
          .isEqualTo("closed");
      assertThat(Files.exists(outbox())).isFalse();
    }
  }
}
