package io.patchpipeline.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.policy.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketConfigFileTest {
  private static final String YAML =
      """
      default: jira-sec
      systems:
        jira-sec:
          type: jira-cloud
          url: https://example.atlassian.net
          project: SEC
          issueType: Task
          priorities: {P0: Blocker}
          auth: {user: bot@example.com, tokenEnv: JIRA_TOKEN}
          http: {requestTimeoutSeconds: 5, writesPerSecond: 2}
        jira-dc:
          type: jira-datacenter
          url: https://jira.example.com
          project: OPS
          auth: {tokenFile: jira.pat}
        snow:
          type: servicenow
          url: https://example.service-now.com
          table: sn_vul_vulnerable_item
          closureByScan: true
          fields: {short_description: "{summary}", description: "{description}"}
          priorityFields: {P0: {impact: "1", urgency: "1"}}
          auth: {user: pp.integration, passwordEnv: SNOW_PASSWORD}
        local:
          type: file
          folder: tickets
      """;

  @TempDir Path temp;

  private TicketConfigFile write(String yaml) throws Exception {
    return TicketConfigFile.read(Files.writeString(temp.resolve("tickets.yaml"), yaml));
  }

  @Test
  void readsEverySystemType() throws Exception {
    TicketConfigFile config = write(YAML);

    TicketSystemConfig jira = config.system(Optional.empty(), "tickets.yaml");
    assertThat(jira.name()).isEqualTo("jira-sec");
    assertThat(jira.issueType()).isEqualTo("Task");
    assertThat(jira.priorityNames())
        .containsEntry(Priority.P0, "Blocker")
        .containsEntry(Priority.P1, "High");
    assertThat(jira.http().requestTimeout()).hasSeconds(5);
    assertThat(jira.http().writesPerSecond()).isEqualTo(2.0);
    TicketSystemConfig snow = config.system(Optional.of("snow"), "tickets.yaml");
    assertThat(snow.table()).isEqualTo("sn_vul_vulnerable_item");
    assertThat(snow.closureByScan()).isTrue();
    assertThat(snow.fields()).containsOnlyKeys("short_description", "description");
    assertThat(config.system(Optional.of("local"), "t").folder()).contains(temp.resolve("tickets"));
  }

  @Test
  void resolvesSecretsFromEnvironmentAndFile() throws Exception {
    TicketConfigFile config = write(YAML);
    Files.writeString(temp.resolve("jira.pat"), "pat-value\n");

    Credentials jira = config.secret("jira-sec").resolve(Map.of("JIRA_TOKEN", "t0k")::get);
    Credentials dc = config.secret("jira-dc").resolve(Map.<String, String>of()::get);

    assertThat(jira.scheme()).isEqualTo(Credentials.Scheme.BASIC);
    assertThat(jira.user()).isEqualTo("bot@example.com");
    assertThat(dc.scheme()).isEqualTo(Credentials.Scheme.BEARER);
    assertThat(config.secret("local").resolve(Map.<String, String>of()::get))
        .isEqualTo(Credentials.none());
  }

  @Test
  void missingEnvironmentVariableIsNamed() throws Exception {
    TicketConfigFile config = write(YAML);

    assertThatThrownBy(() -> config.secret("snow").resolve(Map.<String, String>of()::get))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("SNOW_PASSWORD is not set");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{type: jira-cloud, url: 'https://x.example', project: S, auth: {user: u, token: abc}}|/systems/s/auth/token|secret values are not read",
        "{type: jira-server, url: 'https://x.example'}|/systems/s/type|invalid ticket system type 'jira-server'",
        "{type: jira-cloud, url: 'ftp://x.example', project: S}|/systems/s/url|invalid url",
        "{type: jira-cloud, url: 'https://x.example'}|/systems/s|missing project key",
        "{type: servicenow, url: 'https://x.example', fields: {a: '{nope}'}}|/systems/s/fields/a|invalid placeholder {nope}",
        "{type: jira-cloud, url: 'https://x.example', project: S, priorities: {P9: X}}|/systems/s/priorities/P9|invalid priority"
      })
  void invalidSystemNamesPositionAndProblem(String system, String position, String problem)
      throws Exception {
    assertThatThrownBy(() -> write("systems:\n  s: " + system + "\n"))
        .isInstanceOfSatisfying(
            InputException.class, e -> assertThat(e.getPosition()).isEqualTo(position))
        .hasMessageContaining(problem);
  }

  @Test
  void unknownSystemNameListsTheConfiguredOnes() throws Exception {
    TicketConfigFile config = write(YAML);

    assertThatThrownBy(() -> config.system(Optional.of("jira"), "tickets.yaml"))
        .hasMessageContaining("no ticket system named 'jira'")
        .hasMessageContaining("jira-sec, jira-dc, snow, local");
  }
}
