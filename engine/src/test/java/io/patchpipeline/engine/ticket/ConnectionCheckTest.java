package io.patchpipeline.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.http.Credentials;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The connection check reads only, and names what failed. */
class ConnectionCheckTest {
  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void checkSucceedsWithoutWrites(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      String result = sync(fixture.config(), fixture.credentials()).checkConnection();

      assertThat(result).containsAnyOf("Connected to", "is writable");
      fixture.server().ifPresent(s -> assertThat(s.writes()).isZero());
      if (type.name().startsWith("JIRA")) {
        assertThat(result).contains("as Patch Bot").contains("project SEC (Security)");
      }
    }
  }

  @Test
  void wrongProjectIsNamed() throws Exception {
    try (Fixture.Jira fixture = new Fixture.Jira(true)) {
      TicketSystemConfig config =
          TicketSystemConfig.builder("jira-sec", TicketSystemType.JIRA_CLOUD)
              .url(fixture.server.url())
              .project("NOPE")
              .http(Fixture.FAST)
              .build();

      assertThatThrownBy(() -> sync(config, fixture.credentials()).checkConnection())
          .isInstanceOf(TicketException.class)
          .hasMessageContaining("HTTP 404")
          .hasMessageContaining("No project could be found with key 'NOPE'");
    }
  }

  @Test
  void wrongSecretIsReportedWithoutIt() throws Exception {
    try (Fixture.ServiceNow fixture = new Fixture.ServiceNow()) {
      Credentials wrong = Credentials.basic("pp.integration", "other-" + Fixture.SECRET);

      assertThatThrownBy(() -> sync(fixture.config(), wrong).checkConnection())
          .hasMessageContaining("HTTP 401")
          .hasMessageNotContaining(Fixture.SECRET);
    }
  }

  private static TicketSync sync(TicketSystemConfig config, Credentials credentials) {
    return TicketSync.of(
        new TicketSyncOptions(config, credentials, Optional.empty(), false, Clock.systemUTC()));
  }
}
