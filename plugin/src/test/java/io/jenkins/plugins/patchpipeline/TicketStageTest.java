package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.FilePath;
import hudson.ProxyConfiguration;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.patchpipeline.engine.http.HttpSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketStageTest {
  private static final String USER = "bot@example.com";
  private static final String SECRET = "Zq9-distinctive-jira-token-7Xw";
  private static final String BASIC =
      Base64.getEncoder().encodeToString((USER + ":" + SECRET).getBytes(StandardCharsets.UTF_8));

  /** A finding in the KEV catalog, so that its unit needs a ticket under the built-in policy. */
  private static final String LOG4J =
      "CVE-2021-44228|log4j-core|2.14.1|2.15.0|registry.example/web:1.0|10.0\n";

  @TempDir Path workspace;
  @TempDir Path buildDir;

  private final TestListener listener = new TestListener();
  private TestStepContext context;
  private TestRun run;
  private JiraCloudServer jira;

  @BeforeEach
  void setUp() throws IOException {
    run = new TestRun(buildDir);
    context =
        new TestStepContext()
            .with(Run.class, run)
            .with(TaskListener.class, listener)
            .with(FilePath.class, new FilePath(workspace.toFile()));
    jira = new JiraCloudServer("Basic " + BASIC);
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES + LOG4J);
    try (InputStream kev = getClass().getResourceAsStream("/workspace/feeds/kev.json")) {
      Files.createDirectories(workspace.resolve("feeds"));
      Files.copy(kev, workspace.resolve("feeds/kev.json"));
    }
  }

  @AfterEach
  void stopServer() {
    jira.close();
  }

  @Test
  void opensTicketsAndReturnsKeys() throws Exception {
    start(jiraSystem(jira.url()));

    assertThat(context.failure()).isNull();
    Map<?, ?> tickets = (Map<?, ?>) ((Map<?, ?>) context.result()).get("tickets");
    assertThat(tickets).hasSize(1);
    assertThat(List.copyOf(tickets.values())).isEqualTo(List.of("SEC-1"));
    assertThat(jira.requests()).filteredOn(r -> r.endsWith("/issue")).hasSize(1);
    assertThat(listener.text()).contains("Patch Pipeline: Tickets in jira-sec: 1 created");
    assertThat(Files.readString(BuildRecords.file(run))).contains("SEC-1");
  }

  @Test
  void secretReachesNeitherLogNorFilesNorResult() throws Exception {
    start(jiraSystem(jira.url()));

    assertThat(jira.requests()).contains("POST /rest/api/3/issue");
    assertNoSecret(String.valueOf(context.result()));
  }

  @Test
  void rejectedCreatesRedactTheSecret() throws Exception {
    jira.rejectCreates();

    start(jiraSystem(jira.url()));

    assertThat(listener.text()).contains("1 failed").contains("rejected Basic ****");
    assertNoSecret(String.valueOf(context.result()));
    assertNoSecret(String.valueOf(context.failure()));
  }

  @Test
  void failedWriteMakesTheBuildUnstable() throws Exception {
    jira.rejectCreates();

    start(jiraSystem(jira.url()));

    assertThat(context.failure()).isNull();
    assertThat(run.resultSet()).isEqualTo(Result.UNSTABLE);
    assertThat(((Map<?, ?>) context.result()).get("ticketErrors")).isEqualTo(1);
    assertThat(listener.text())
        .contains("WARNING: Ticket writes for 1 units failed in ticket system 'jira-sec'");
  }

  @Test
  void failOnTicketErrorFailsTheBuild() throws Exception {
    jira.rejectCreates();
    PatchDetectStep step = step();
    step.setTickets("jira-sec");
    step.setFailOnTicketError(true);

    start(step, jiraSystem(jira.url()));

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("Ticket writes for 1 units failed")
        .hasMessageContaining("outbox");
    assertThat(run.resultSet()).isNull();
    assertNoSecret(String.valueOf(context.failure()));
  }

  @Test
  void successfulWritesLeaveTheResultAlone() throws Exception {
    start(jiraSystem(jira.url()));

    assertThat(run.resultSet()).isNull();
    assertThat(((Map<?, ?>) context.result()).get("ticketErrors")).isEqualTo(0);
  }

  @Test
  void invalidProxyAbortsNamingTheProxy() throws Exception {
    PatchDetectStep step = step();
    step.setTickets("jira-sec");
    TicketStage stage =
        new TicketStage(
            List.of(jiraSystem(jira.url())),
            new CredentialLookup(new Tokens()),
            () ->
                JenkinsProxy.apply(
                    HttpSettings.defaults(),
                    new ProxyConfiguration("proxy.corp", 0, null, null, null)));

    new DetectExecution(step, context, FeedDefaults.NONE, PipeReportParser.reader(), stage).start();

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("Jenkins proxy configuration is invalid")
        .hasMessageContaining("invalid proxy port 0");
    assertThat(jira.requests()).isEmpty();
  }

  @Test
  void unknownSystemNamesItAndTheConfiguredOnes() throws Exception {
    PatchDetectStep step = step();
    step.setTickets("jira-prod");

    start(step, jiraSystem(jira.url()));

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("'jira-prod'")
        .hasMessageContaining("'jira-sec'");
    assertThat(jira.requests()).isEmpty();
  }

  @Test
  void invalidConfigurationAbortsNamingTheSystem() throws Exception {
    ConfiguredTicketSystem system = jiraSystem(jira.url());
    system.setProject(null);

    start(system);

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("'jira-sec'")
        .hasMessageContaining("project");
  }

  @Test
  void withoutTicketsTheStepSendsNoRequest() throws Exception {
    start(step(), jiraSystem(jira.url()));

    assertThat(context.failure()).isNull();
    assertThat(((Map<?, ?>) context.result()).containsKey("tickets")).isFalse();
    assertThat(jira.requests()).isEmpty();
  }

  private void assertNoSecret(String extra) throws IOException {
    StringBuilder all = new StringBuilder(listener.text()).append(extra);
    for (Path root : List.of(buildDir, workspace)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          all.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(all.toString())
        .contains("Patch Pipeline:")
        .doesNotContain(SECRET)
        .doesNotContain(BASIC);
  }

  private static ConfiguredTicketSystem jiraSystem(String url) {
    ConfiguredTicketSystem system =
        new ConfiguredTicketSystem("jira-sec", "jira-cloud", url, "jira-token");
    system.setUser(USER);
    system.setProject("SEC");
    return system;
  }

  private static PatchDetectStep step() {
    PatchDetectStep step = new PatchDetectStep("scans/images.txt");
    step.setKev("feeds/kev.json");
    return step;
  }

  private void start(ConfiguredTicketSystem system) throws Exception {
    PatchDetectStep step = step();
    step.setTickets("jira-sec");
    start(step, system);
  }

  private void start(PatchDetectStep step, ConfiguredTicketSystem system) throws Exception {
    TicketStage stage =
        new TicketStage(
            List.of(system), new CredentialLookup(new Tokens()), HttpSettings::defaults);
    new DetectExecution(step, context, FeedDefaults.NONE, PipeReportParser.reader(), stage).start();
    assertThat(context.isCompleted()).isTrue();
  }

  /** The credentials store with one Secret text credential, {@code jira-token}. */
  private static final class Tokens implements CredentialLookup.Finder {
    @Override
    public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> run) {
      StringCredentials token =
          new StringCredentials() {
            @Override
            public String getId() {
              return "jira-token";
            }

            @Override
            public String getDescription() {
              return "Jira API token";
            }

            @Override
            public Secret getSecret() {
              return Secret.fromString(SECRET);
            }
          };
      return id.equals(token.getId()) && type.isInstance(token) ? type.cast(token) : null;
    }
  }
}
