package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.util.Secret;
import io.patchpipeline.engine.http.HttpSettings;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.report.PackageKind;
import io.patchpipeline.engine.ticket.TicketLink;
import io.patchpipeline.engine.ticket.TicketLinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code canaryDeploy} over two waves with {@code tickets} and a change request, against a
 * Jira Cloud server and a ServiceNow server on 127.0.0.1: each wave is commented once on the unit's
 * ticket, also when the step is saved and resumed in the hold between the waves, and the change
 * request goes to Implement and then to Review.
 */
class CanaryDeployNoticesTest {
  private static final String USER = "bot@example.com";
  private static final String JIRA_SECRET = "Cd7-distinctive-jira-token-4Qx";
  private static final String SNOW_SECRET = "Sn9-distinctive-snow-password-2Lw";
  private static final String CHANGE = "CHG0030001";
  private static final String PLAN =
      "tool: chocolatey\nchocolatey:\n  executable: 'true'\nhosts: [localhost, 127.0.0.1]\n"
          + "waves: ['50%', '100%']\nhold: 2s\n";

  @TempDir Path folder;

  private Path workspace;
  private final TestListener listener = new TestListener();
  private TestRun run;
  private TestStepContext context;
  private JiraCloudServer jira;
  private ServiceNowServer snow;
  private TicketStage stage;

  @BeforeEach
  void setUp() throws Exception {
    jira = new JiraCloudServer(basic(JIRA_SECRET));
    snow = new ServiceNowServer(basic(SNOW_SECRET), CHANGE);
    workspace = Files.createDirectories(folder.resolve("ws"));
    run = new TestRun(Files.createDirectories(folder.resolve("build")));
    context = DeployFixtures.context(run, listener, workspace);
    DeployFixtures.writeRecord(run, "php", PackageKind.APPLICATION, "8.3.8");
    PatchRecord record = BuildRecords.read(run);
    TicketLink link =
        new TicketLink(
            "jira-sec",
            "SEC-1",
            "10001",
            jira.url() + "/browse/SEC-1",
            "key",
            "open",
            Priority.P1,
            "hash",
            Instant.parse("2026-03-01T10:00:00Z"));
    BuildRecords.write(
        run, RecordStore.toBytes(TicketLinks.of(record).with("PP-1", link).writeTo(record)));
    ConfiguredTicketSystem jiraSystem =
        new ConfiguredTicketSystem("jira-sec", "jira-cloud", jira.url(), "jira-token");
    jiraSystem.setUser(USER);
    jiraSystem.setProject("SEC");
    ConfiguredTicketSystem snowSystem =
        new ConfiguredTicketSystem("snow-changes", "servicenow", snow.url(), "snow-password");
    snowSystem.setUser(USER);
    stage =
        new TicketStage(
            List.of(jiraSystem, snowSystem),
            new CredentialLookup(new Tokens()),
            HttpSettings::defaults);
    Files.writeString(workspace.resolve("plan.yaml"), PLAN);
  }

  @AfterEach
  void stopServers() {
    jira.close();
    snow.close();
  }

  private CanaryDeployExecution execution(TestStepContext on) {
    return new CanaryDeployExecution(on, "plan.yaml", null, null, null)
        .withNotices("jira-sec", CHANGE, "snow-changes")
        .withTicketStage(stage);
  }

  @Test
  void eachWaveIsCommentedOnceAcrossAResume() throws Exception {
    CanaryDeployExecution execution = execution(context);
    execution.advance();
    awaitSecondHold(execution);
    List<String> commentsInHold = comments();

    // The copy is what Jenkins saved; stopping the original is the controller going down.
    CanaryDeployExecution restored = CanaryDeployExecutionTest.copy(execution);
    execution.stop(new AbortException("the controller stops"));
    TestStepContext restoredContext =
        DeployFixtures.attach((TestStepContext) restored.getContext(), run, listener, workspace);
    restored.withTicketStage(stage).onResume();
    DeployFixtures.awaitCompletion(restoredContext);
    TestStepContext again = DeployFixtures.context(run, listener, workspace);
    execution(again).advance();

    assertThat(restoredContext.failure()).isNull();
    assertThat(((Map<?, ?>) restoredContext.result()).get("status")).isEqualTo("SUCCEEDED");
    assertThat(commentsInHold).hasSize(1);
    assertThat(comments()).hasSize(2);
    assertThat(run.resultSet()).isNull();
    assertNoSecret();
  }

  @Test
  void changeRequestGoesToImplementThenReview() throws Exception {
    execution(context).advance();
    DeployFixtures.awaitCompletion(context);

    assertThat(context.failure()).isNull();
    List<String> states =
        snow.updates().stream()
            .map(ServiceNowServer.Update::state)
            .filter(state -> !state.isEmpty())
            .toList();
    assertThat(states).containsExactly("-1", "0");
    assertThat(snow.updates()).allMatch(update -> !update.workNote().isBlank());
    assertThat(snow.state()).isEqualTo("0");
  }

  @Test
  void rejectedCommentMarksUnstableAndTheRolloutGoesOn() throws Exception {
    jira.rejectComments();

    execution(context).advance();
    DeployFixtures.awaitCompletion(context);

    assertThat(context.failure()).isNull();
    assertThat(((Map<?, ?>) context.result()).get("status")).isEqualTo("SUCCEEDED");
    assertThat(run.resultSet()).isEqualTo(Result.UNSTABLE);
    assertThat(listener.text())
        .contains("could not send the rollout event tickets/")
        .contains("marking the build unstable");
    assertThat(snow.state()).isEqualTo("0");
    assertNoSecret();
  }

  @Test
  void unknownTicketSystemFailsBeforeDeploying() throws Exception {
    CanaryDeployExecution execution =
        new CanaryDeployExecution(context, "plan.yaml", null, null, null)
            .withNotices("jira-other", null, null)
            .withTicketStage(stage);

    execution.advance();

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("jira-other");
    assertThat(DeployStates.stateFile(run, "plan.yaml")).doesNotExist();
  }

  @Test
  void changeRequestWithoutSystemFails() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> RolloutNotices.of(null, CHANGE, null, null)))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining(CHANGE)
        .hasMessageContaining("changeRequestSystem");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> RolloutNotices.of("jira-sec", "not a change", null, null)))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("not a change");
  }

  /**
   * Waits until the timer has run the second rollout step: wave 1 passed and was commented, and the
   * rollout waits in the hold after wave 2.
   */
  private void awaitSecondHold(CanaryDeployExecution execution) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (comments().size() == 1 && execution.getStatus().contains("next step at")) {
        // The status is set just before the next step is scheduled.
        Thread.sleep(200);
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the rollout did not reach the hold after wave 2 in 10 seconds");
  }

  private List<String> comments() {
    return jira.requests().stream().filter(r -> r.endsWith("/SEC-1/comment")).toList();
  }

  private void assertNoSecret() throws IOException {
    StringBuilder all = new StringBuilder(listener.text());
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(all.toString()).doesNotContain(JIRA_SECRET).doesNotContain(SNOW_SECRET);
  }

  private static String basic(String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((USER + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** The credentials store with the Secret text credentials of both systems. */
  private static final class Tokens implements CredentialLookup.Finder {
    @Override
    public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> run) {
      String secret =
          switch (id) {
            case "jira-token" -> JIRA_SECRET;
            case "snow-password" -> SNOW_SECRET;
            default -> null;
          };
      if (secret == null) {
        return null;
      }
      StringCredentials token =
          new StringCredentials() {
            @Override
            public String getId() {
              return id;
            }

            @Override
            public String getDescription() {
              return "token";
            }

            @Override
            public Secret getSecret() {
              return Secret.fromString(secret);
            }
          };
      return type.isInstance(token) ? type.cast(token) : null;
    }
  }
}
