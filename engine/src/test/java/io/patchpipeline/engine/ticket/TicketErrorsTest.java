package io.patchpipeline.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.policy.Priority;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rejected request names the field the ticket system named, and nothing is retried. */
class TicketErrorsTest {
  @TempDir Path temp;

  @Test
  void jiraFieldErrorNamesTheField() throws Exception {
    try (Fixture.Jira fixture = new Fixture.Jira(true)) {
      TicketSystemConfig config =
          TicketSystemConfig.builder("jira-sec", TicketSystemType.JIRA_CLOUD)
              .url(fixture.server.url())
              .project("SEC")
              .priorityName(Priority.P1, "Urgent")
              .http(Fixture.FAST)
              .build();

      TicketSyncResult result = sync(config, fixture.credentials());

      assertThat(result.failed()).isEqualTo(2);
      assertThat(result.messages())
          .anyMatch(m -> m.text().contains("field priority: Specify a valid priority name"));
      assertThat(fixture.server.writes()).as("a 400 is not retried").isEqualTo(2);
    }
  }

  @Test
  void serviceNowErrorShowsMessageAndDetail() throws Exception {
    try (Fixture.ServiceNow fixture = new Fixture.ServiceNow()) {
      TicketSystemConfig config =
          TicketSystemConfig.builder("snow", TicketSystemType.SERVICENOW)
              .url(fixture.server.url())
              .fields(Map.of("description", "{description}"))
              .http(Fixture.FAST)
              .build();

      TicketSyncResult result = sync(config, fixture.credentials());

      assertThat(result.failed()).isEqualTo(2);
      assertThat(result.messages())
          .anyMatch(
              m ->
                  m.text().contains("HTTP 403")
                      && m.text().contains("Operation Failed")
                      && m.text().contains("Short description is mandatory"));
    }
  }

  @Test
  void wrongTokenFailsSearchAndCreatesNothing() throws Exception {
    try (Fixture.Jira fixture = new Fixture.Jira(false)) {
      TicketSyncResult result =
          sync(fixture.config(), Credentials.bearer("wrong-" + Fixture.SECRET));

      assertThat(result.created()).isZero();
      assertThat(result.failed()).isEqualTo(2);
      assertThat(result.messages())
          .anyMatch(
              m -> m.text().contains("HTTP 401") && m.text().contains("Check the user and token"));
      assertThat(result.messages()).noneMatch(m -> m.text().contains(Fixture.SECRET));
      assertThat(fixture.server.issues()).isEmpty();
    }
  }

  @Test
  void closeWithUnknownTransitionListsTheAvailableOnes() throws Exception {
    try (Fixture.Jira fixture = new Fixture.Jira(true)) {
      TicketSystemConfig config =
          TicketSystemConfig.builder("jira-sec", TicketSystemType.JIRA_CLOUD)
              .url(fixture.server.url())
              .project("SEC")
              .closeTransition("Resolve")
              .http(Fixture.FAST)
              .build();
      TicketSync sync =
          TicketSync.of(
              new TicketSyncOptions(
                  config, fixture.credentials(), Optional.empty(), false, Clock.systemUTC()));
      var record = sync.sync(TestRecords.units(1)).record();

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> sync.close(record, "PP-pkg0", "Verified.", Optional.empty()))
          .isInstanceOf(TicketException.class)
          .hasMessageContaining("no transition named 'Resolve'")
          .hasMessageContaining("available: In Progress, Done");
    }
  }

  private TicketSyncResult sync(TicketSystemConfig config, Credentials credentials)
      throws Exception {
    return TicketSync.of(
            new TicketSyncOptions(
                config,
                credentials,
                Optional.of(temp.resolve("outbox.json")),
                false,
                Clock.systemUTC()))
        .sync(TestRecords.units(2));
  }
}
