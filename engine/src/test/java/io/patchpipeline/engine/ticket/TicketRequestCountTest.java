package io.patchpipeline.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.record.PatchRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Counts the requests of a sync of 1,000 units, as the test server received them: one search per
 * page of 50 dedup keys plus one write per new or changed ticket. docs/benchmarks.md records the
 * figures this prints.
 */
class TicketRequestCountTest {
  static final int UNITS = 1000;

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(
      value = TicketSystemType.class,
      names = {"JIRA_CLOUD", "JIRA_DATA_CENTER", "SERVICENOW"})
  void thousandUnitsCostOneSearchPerPageAndOneWritePerTicket(TicketSystemType type)
      throws Exception {
    try (Fixture fixture = Fixture.of(type, temp)) {
      FakeApiServer server = fixture.server().orElseThrow();
      PatchRecord record = TestRecords.units(UNITS);
      int pages = (UNITS + 49) / 50;

      long start = System.nanoTime();
      TicketSyncResult first = fixture.sync(temp.resolve("outbox.json"), false).sync(record);
      long firstMillis = (System.nanoTime() - start) / 1_000_000;
      Counts opened = Counts.of(server);
      server.resetCounters();
      start = System.nanoTime();
      fixture.sync(temp.resolve("outbox.json"), false).sync(record);
      long secondMillis = (System.nanoTime() - start) / 1_000_000;
      Counts rerun = Counts.of(server);
      server.resetCounters();
      fixture.sync(temp.resolve("outbox.json"), false).sync(withOneNewCve(record));
      Counts oneChanged = Counts.of(server);

      System.out.printf(
          "%s, %d units: first run %d searches + %d writes (%d ms); rerun %d searches + %d"
              + " writes (%d ms); one unit changed: %d searches + %d writes%n",
          type.id(),
          UNITS,
          opened.searches,
          opened.writes,
          firstMillis,
          rerun.searches,
          rerun.writes,
          secondMillis,
          oneChanged.searches,
          oneChanged.writes);
      assertThat(first.created()).isEqualTo(UNITS);
      assertThat(opened.searches).isEqualTo(pages);
      assertThat(opened.writes).isEqualTo(UNITS);
      assertThat(rerun.searches).isEqualTo(pages);
      assertThat(rerun.writes).isZero();
      assertThat(oneChanged.searches).isEqualTo(pages);
      assertThat(oneChanged.writes).isEqualTo(1);
    }
  }

  private static PatchRecord withOneNewCve(PatchRecord record) {
    List<TestRecords.UnitSpec> specs = new ArrayList<>();
    for (int i = 0; i < UNITS; i++) {
      String cve = "CVE-2026-" + (10000 + i);
      specs.add(
          i == 7
              ? TestRecords.spec(
                  "pkg" + i, io.patchpipeline.engine.policy.Priority.P1, cve, "CVE-2026-99999")
              : TestRecords.spec("pkg" + i, io.patchpipeline.engine.policy.Priority.P1, cve));
    }
    return TestRecords.record(specs);
  }

  private record Counts(int searches, int writes) {
    static Counts of(FakeApiServer server) {
      return new Counts(server.searches(), server.writes());
    }
  }
}
