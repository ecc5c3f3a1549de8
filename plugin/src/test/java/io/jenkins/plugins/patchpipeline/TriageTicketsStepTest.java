package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.model.Cause;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.patchpipeline.engine.http.HttpSettings;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.ticket.TicketLink;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.triage.TriageRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patchTriage(tickets: ...)}: decisions, approvals and reviews on a Jira Cloud server. */
class TriageTicketsStepTest {
  private static final String USER = "bot@example.com";
  private static final String SECRET = "Tr1age-distinctive-jira-token-4Kq";
  private static final String BASIC =
      Base64.getEncoder().encodeToString((USER + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
  private static final String COMMENT = "POST /rest/api/3/issue/SEC-101/comment";

  @TempDir Path buildDir;
  private final TestListener listener = new TestListener();
  private TestRun run;
  private JiraCloudServer jira;

  @BeforeEach
  void detectedWithTickets() throws Exception {
    jira = new JiraCloudServer("Basic " + BASIC);
    run = new TestRun(buildDir).startedBy(new Cause.UserIdCause("alice"));
    PatchRecord record = TriageExecutionTest.record();
    TicketLinks links =
        new TicketLinks(Map.of())
            .with("PP-p0", link("SEC-101", "pp-key-pp-p0"))
            .with("PP-p2", link("SEC-102", "pp-key-pp-p2"));
    BuildRecords.write(run, RecordStore.toBytes(links.writeTo(record)));
  }

  @AfterEach
  void stopServer() {
    jira.close();
  }

  @Test
  void decisionsCommentedOncePerBuild() throws Exception {
    Map<String, Object> value = execute(tickets(new PatchTriageStep()));
    execute(tickets(new PatchTriageStep()));

    assertThat(value).containsEntry("pending", List.of("PP-p0", "PP-p2"));
    assertThat(jira.requests()).containsOnlyOnce(COMMENT);
    assertThat(jira.requests()).filteredOn(r -> r.endsWith("/comment")).hasSize(2);
    assertThat(jira.bodies()).anyMatch(b -> b.contains("Triage: EMERGENCY by rule"));
    assertThat(listener.text()).contains("Triage on tickets in jira-sec: 2 comments written");
    assertThat(listener.text()).contains("0 comments written, 2 already written");
    assertThat(run.getResult()).isNull();
  }

  @Test
  void emergencyBypassCommentsAndOpensReview() throws Exception {
    execute(tickets(new PatchTriageStep()));
    run.addOrReplaceAction(new ApproverAction("bob"));
    PatchTriageStep bypass = tickets(approve("PP-p0"));
    bypass.setEmergencyBypass(true);
    bypass.setReason("exploited in the wild");

    execute(bypass);
    execute(bypass);

    assertThat(jira.requests()).filteredOn(r -> r.equals("POST /rest/api/3/issue")).hasSize(1);
    assertThat(jira.bodies())
        .anyMatch(b -> b.contains("pp.review-key-pp-p0") && b.contains("exploited in the wild"));
    assertThat(jira.bodies())
        .anyMatch(
            b ->
                b.contains("Emergency bypass of the canary approved by bob")
                    && b.contains("the Jenkins input step"));
    assertThat(jira.bodies()).anyMatch(b -> b.contains("Post-incident review opened: SEC-1."));
    // The second call records a second bypass approval; its review is the one the first opened.
    assertThat(reviewTickets()).containsExactly("SEC-1", "SEC-1");
    assertThat(listener.text()).contains("1 post-incident review opened");
  }

  @Test
  void rejectedCommentMakesBuildUnstable() throws Exception {
    jira.rejectComments();

    Map<String, Object> value = execute(tickets(new PatchTriageStep()));

    assertThat(value).containsEntry("pending", List.of("PP-p0", "PP-p2"));
    assertThat(run.getResult()).isEqualTo(Result.UNSTABLE);
    assertThat(listener.text())
        .contains("the triage comment was not written")
        .contains("the build is unstable");
    assertNoSecret();
  }

  @Test
  void withoutTicketsNoRequestIsSent() throws Exception {
    execute(new PatchTriageStep());

    assertThat(jira.requests()).isEmpty();
    assertThat(run.getResult()).isNull();
  }

  @Test
  void unknownSystemAbortsNamingConfiguredOnes() {
    PatchTriageStep step = new PatchTriageStep();
    step.setTickets("jira-prod");

    assertThatThrownBy(() -> execute(step))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("'jira-prod'")
        .hasMessageContaining("'jira-sec'");
  }

  @Test
  void ticketsParameterIsTrimmed() {
    PatchTriageStep step = new PatchTriageStep();
    step.setTickets("  jira-sec ");

    assertThat(TriageSettings.of(step).tickets()).isEqualTo("jira-sec");
    step.setTickets(" ");
    assertThat(TriageSettings.of(step).tickets()).isNull();
  }

  private Map<String, Object> execute(PatchTriageStep step) throws Exception {
    TestStepContext context =
        new TestStepContext().with(Run.class, run).with(TaskListener.class, listener);
    TicketStage stage =
        new TicketStage(
            List.of(jiraSystem()), new CredentialLookup(new Tokens()), HttpSettings::defaults);
    return new TriageExecution(step, context, Set.of()::contains, stage).run();
  }

  private List<String> reviewTickets() throws IOException {
    return TriageRecords.read(BuildRecords.read(run), "record").orElseThrow().reviews().stream()
        .map(r -> r.ticket())
        .toList();
  }

  private void assertNoSecret() throws IOException {
    StringBuilder all = new StringBuilder(listener.text());
    jira.bodies().forEach(all::append);
    try (Stream<Path> files = Files.walk(buildDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertThat(all.toString()).contains("rejected Basic ****");
    assertThat(all.toString()).doesNotContain(SECRET).doesNotContain(BASIC);
  }

  private static PatchTriageStep tickets(PatchTriageStep step) {
    step.setTickets("jira-sec");
    return step;
  }

  private static PatchTriageStep approve(String... ids) {
    PatchTriageStep step = new PatchTriageStep();
    step.setApprove(List.of(ids));
    return step;
  }

  private TicketLink link(String key, String dedupKey) {
    return new TicketLink(
        "jira-sec",
        key,
        "1" + key.substring(4),
        jira.url() + "/browse/" + key,
        dedupKey,
        "open",
        Priority.P1,
        "",
        Instant.parse("2026-12-04T10:00:00Z"));
  }

  private ConfiguredTicketSystem jiraSystem() {
    ConfiguredTicketSystem system =
        new ConfiguredTicketSystem("jira-sec", "jira-cloud", jira.url(), "jira-token");
    system.setUser(USER);
    system.setProject("SEC");
    return system;
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
