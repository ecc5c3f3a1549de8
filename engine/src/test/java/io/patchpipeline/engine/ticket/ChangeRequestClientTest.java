package io.patchpipeline.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.deploy.ChangeRequestPlan;
import io.patchpipeline.engine.deploy.ChangeRequestUpdates;
import io.patchpipeline.engine.deploy.RolloutEvent;
import io.patchpipeline.engine.deploy.RolloutEvents;
import io.patchpipeline.engine.deploy.RolloutState;
import io.patchpipeline.engine.deploy.Wave;
import io.patchpipeline.engine.http.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change request client and the rollout listener against the local ServiceNow server. */
class ChangeRequestClientTest {
  private static final String NUMBER = "CHG0030001";

  private FakeServiceNow server;
  private String sysId;
  private ChangeRequestClient client;

  @BeforeEach
  void start() throws Exception {
    server =
        new FakeServiceNow(
            "change_request",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        ("pp.integration:" + Fixture.SECRET).getBytes(StandardCharsets.UTF_8)));
    sysId = server.addChangeRequest(NUMBER, "-2");
    client =
        ChangeRequestClient.of(
            TicketSystemConfig.builder("snow", TicketSystemType.SERVICENOW)
                .url(server.url())
                .http(Fixture.FAST)
                .build(),
            Credentials.basic("pp.integration", Fixture.SECRET));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FakeServiceNow.Row row() {
    return server.rows().get(0);
  }

  @Test
  void findsByNumberAndBySysId() throws Exception {
    ChangeRequestClient.ChangeRequest byNumber = client.find(NUMBER);
    ChangeRequestClient.ChangeRequest bySysId = client.find(sysId);

    assertThat(byNumber).isEqualTo(new ChangeRequestClient.ChangeRequest(sysId, NUMBER, "-2"));
    assertThat(bySysId).isEqualTo(byNumber);
    assertThat(server.received().get(0).query()).contains("sysparm_query=number%3D" + NUMBER);
  }

  @Test
  void unknownNumberIsNotFound() {
    assertThatThrownBy(() -> client.find("CHG0099999"))
        .isInstanceOf(TicketException.class)
        .hasMessageContaining("change request CHG0099999 not found in table change_request");
  }

  @Test
  void invalidReferenceIsRejectedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.find("CHG 1; drop"))
        .isInstanceOf(TicketException.class)
        .hasMessageContaining("expected a number such as CHG0030001 or a 32-digit sys_id");
    assertThat(server.requests()).isZero();
  }

  @Test
  void updateSetsStateAndAppendsWorkNote() throws Exception {
    client.update(client.find(NUMBER), Optional.of("-1"), "Rollout started");
    client.update(client.find(NUMBER), Optional.empty(), "wave 1 widened");

    assertThat(row().get("state")).isEqualTo("-1");
    assertThat(row().workNotes).containsExactly("Rollout started", "wave 1 widened");
    assertThat(server.received())
        .filteredOn(r -> r.method().equals("PATCH"))
        .extracting(FakeApiServer.Received::path)
        .containsOnly("/api/now/table/change_request/" + sysId);
  }

  @Test
  void tooManyRequestsIsRetriedAfterRetryAfter() throws Exception {
    server.failNext(
        "PATCH", "/api/now/table/change_request", FakeApiServer.Fault.TOO_MANY_REQUESTS);

    client.update(client.find(NUMBER), Optional.of("-1"), "Rollout started");

    assertThat(server.pendingFaults()).isZero();
    assertThat(row().workNotes).containsExactly("Rollout started");
  }

  @Test
  void unavailableIsRetried() throws Exception {
    server.failNext("GET", "/api/now/table/change_request", FakeApiServer.Fault.UNAVAILABLE);

    ChangeRequestClient.ChangeRequest found = client.find(NUMBER);

    assertThat(found.sysId()).isEqualTo(sysId);
    assertThat(server.pendingFaults()).isZero();
  }

  @Test
  void invalidStateNamesTheField() throws Exception {
    ChangeRequestClient.ChangeRequest change = client.find(NUMBER);

    assertThatThrownBy(() -> client.update(change, Optional.of("6"), "note"))
        .isInstanceOf(TicketException.class)
        .hasMessageContaining("400")
        .hasMessageContaining("state: 6")
        .hasMessageNotContaining(Fixture.SECRET);
    assertThat(row().get("state")).isEqualTo("-2");
  }

  @Test
  void incidentSystemIsNotAChangeSystem() {
    TicketSystemConfig jira =
        TicketSystemConfig.builder("jira", TicketSystemType.JIRA_CLOUD)
            .url(server.url())
            .project("SEC")
            .build();

    assertThatThrownBy(() -> ChangeRequestClient.of(jira, Credentials.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("change requests need a ServiceNow system");
  }

  @Test
  void listenerMovesChangeThroughImplementAndReview() throws Exception {
    ChangeRequestUpdates updates =
        new ChangeRequestUpdates(
            client, new ChangeRequestPlan(NUMBER, Optional.empty(), ChangeRequestStates.DEFAULTS));
    RolloutState started =
        RolloutState.start(
            "hash",
            List.of("PP-1"),
            List.of(new Wave(0, "wave 1", Wave.Kind.CANARY, List.of("web1"))),
            Instant.parse("2026-03-02T09:00:00Z"));

    updates.onEvent(RolloutEvents.of(started).get(0));
    assertThat(row().get("state")).isEqualTo("-1");

    List<RolloutEvent> ended = RolloutEvents.of(withStatus(started, "SUCCEEDED"));
    for (RolloutEvent event : ended.subList(1, ended.size())) {
      updates.onEvent(event);
    }

    assertThat(row().get("state")).isEqualTo("0");
    assertThat(row().workNotes).hasSize(3);
    assertThat(row().workNotes.get(0)).contains("started: 1 wave on 1 host for units PP-1.");
    assertThat(row().workNotes.get(2)).contains("ended: succeeded");
    assertThat(server.received())
        .filteredOn(r -> r.method().equals("GET"))
        .as("the change request is looked up once")
        .hasSize(1);
  }

  @Test
  void listenerRecordsFailureWithConfiguredState() throws Exception {
    ChangeRequestUpdates updates =
        new ChangeRequestUpdates(
            client,
            new ChangeRequestPlan(
                NUMBER, Optional.empty(), new ChangeRequestStates("-1", "0", Optional.of("4"))));
    RolloutState started =
        RolloutState.start(
            "hash",
            List.of("PP-1"),
            List.of(new Wave(0, "wave 1", Wave.Kind.CANARY, List.of("web1"))),
            Instant.parse("2026-03-02T09:00:00Z"));
    List<RolloutEvent> events = RolloutEvents.of(withStatus(started, "FROZEN"));

    updates.onEvent(events.get(events.size() - 1));

    assertThat(row().get("state")).isEqualTo("4");
    assertThat(row().workNotes).singleElement().asString().contains("ended: frozen");
  }

  /** Returns {@code state} with another status, as a saved state file would hold it. */
  private static RolloutState withStatus(RolloutState state, String status) throws Exception {
    ObjectNode tree = Json.mapper().valueToTree(state);
    tree.put("status", status);
    return Json.mapper().treeToValue(tree, RolloutState.class);
  }
}
