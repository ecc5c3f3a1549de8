package io.patchpipeline.engine.ticket;

import static io.patchpipeline.engine.ticket.TestRecords.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every server misbehaviour on create, update and search leaves exactly one ticket per unit: 429
 * with Retry-After and 503 are retried, a slow response past the timeout and a connection dropped
 * after the server created the ticket are reconciled by a search.
 */
class FaultToleranceTest {
  @TempDir Path temp;

  static Stream<Arguments> faults() {
    List<Arguments> cases = new ArrayList<>();
    for (TicketSystemType type :
        List.of(
            TicketSystemType.JIRA_CLOUD,
            TicketSystemType.JIRA_DATA_CENTER,
            TicketSystemType.SERVICENOW)) {
      for (FakeApiServer.Fault fault : FakeApiServer.Fault.values()) {
        cases.add(Arguments.of(type, fault, "create"));
        cases.add(Arguments.of(type, fault, "search"));
      }
      cases.add(Arguments.of(type, FakeApiServer.Fault.UNAVAILABLE, "update"));
      cases.add(Arguments.of(type, FakeApiServer.Fault.TOO_MANY_REQUESTS, "update"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} on {2}")
  @MethodSource("faults")
  void faultLeavesOneTicketPerUnit(
      TicketSystemType type, FakeApiServer.Fault fault, String operation) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp)) {
      FakeApiServer server = fixture.server().orElseThrow();
      PatchRecord record = record("CVE-2026-0001");
      if (operation.equals("update")) {
        fixture.sync(temp.resolve("outbox.json"), false).sync(record);
        record = record("CVE-2026-0001", "CVE-2026-0002");
      }
      server.failNext(methodOf(type, operation), pathOf(type, operation), fault);

      TicketSyncResult result = fixture.sync(temp.resolve("outbox.json"), false).sync(record);
      TicketSyncResult again = fixture.sync(temp.resolve("outbox.json"), false).sync(record);

      assertThat(result.failed()).as("failed units; messages %s", result.messages()).isZero();
      assertThat(fixture.ticketCount()).isEqualTo(2);
      assertThat(result.keysByUnit()).hasSize(2);
      assertThat(again.writes()).as("writes of a rerun").isZero();
      assertThat(server.pendingFaults()).as("the fault fired").isZero();
      if (operation.equals("create")
          && (fault == FakeApiServer.Fault.SLOW
              || fault == FakeApiServer.Fault.DROP_AFTER_PROCESSING)) {
        assertThat(result.messages())
            .anyMatch(m -> m.text().contains("was lost; the search found it"));
      }
    }
  }

  private static PatchRecord record(String... lodashCves) {
    return TestRecords.record(
        List.of(
            spec("lodash", Priority.P1, lodashCves),
            spec("openssl", Priority.P2, "CVE-2026-0100")));
  }

  private static String methodOf(TicketSystemType type, String operation) {
    return switch (operation) {
      case "create" -> "POST";
      case "update" -> type == TicketSystemType.SERVICENOW ? "PATCH" : "PUT";
      default -> type == TicketSystemType.SERVICENOW ? "GET" : "POST";
    };
  }

  private static String pathOf(TicketSystemType type, String operation) {
    return switch (type) {
      case JIRA_CLOUD ->
          operation.equals("search") ? "/rest/api/3/search/jql" : "/rest/api/3/issue";
      case JIRA_DATA_CENTER ->
          operation.equals("search") ? "/rest/api/2/search" : "/rest/api/2/issue";
      default -> "/api/now/table/incident";
    };
  }
}
