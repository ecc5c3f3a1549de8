package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.patchpipeline.engine.http.HttpSettings;
import io.patchpipeline.engine.ledger.LedgerOptions;
import io.patchpipeline.engine.ticket.TicketLinks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * Opens a ticket with {@code patchDetect} in a Jira Cloud server on 127.0.0.1, then closes it with
 * {@code verifyCve} only when every CVE of its unit is verified.
 */
class VerifyTicketsTest {
  private static final String USER = "bot@example.com";
  private static final String SECRET = "Vt3-distinctive-jira-token-8Rm";

  @TempDir Path workspace;
  @TempDir Path buildDir;
  @TempDir Path ledgerDir;

  private final TestListener listener = new TestListener();
  private TestStepContext context;
  private TestRun run;
  private JiraCloudServer jira;
  private TicketStage tickets;

  @BeforeEach
  void detectWithTickets() throws Exception {
    String basic =
        Base64.getEncoder().encodeToString((USER + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    jira = new JiraCloudServer("Basic " + basic);
    for (String file : List.of("scans/trivy-web.json", "feeds/kev.json")) {
      Path target = workspace.resolve(file);
      Files.createDirectories(target.getParent());
      try (InputStream in = getClass().getResourceAsStream("/workspace/" + file)) {
        Files.copy(in, target);
      }
    }
    run = new TestRun(buildDir);
    context =
        new TestStepContext()
            .with(Run.class, run)
            .with(TaskListener.class, listener)
            .with(FilePath.class, new FilePath(workspace.toFile()))
            .with(Launcher.class, null);
    ConfiguredTicketSystem system =
        new ConfiguredTicketSystem("jira-sec", "jira-cloud", jira.url(), "jira-token");
    system.setUser(USER);
    system.setProject("SEC");
    tickets =
        new TicketStage(
            List.of(system), new CredentialLookup(new Tokens()), HttpSettings::defaults);
    PatchDetectStep detect = new PatchDetectStep("scans/trivy-web.json");
    detect.setKev("feeds/kev.json");
    detect.setTickets("jira-sec");
    new DetectExecution(detect, context, FeedDefaults.NONE, null, tickets).start();
    assertThat(context.failure()).isNull();
    assertThat(TicketLinks.of(BuildRecords.read(run)).units()).hasSize(1);
  }

  @AfterEach
  void stopServer() {
    jira.close();
  }

  private Map<String, Object> verify(boolean log4jFixed) throws Exception {
    VerifyExecutionTest.writeRescan(workspace, false, log4jFixed);
    VerifyCveStep step = new VerifyCveStep();
    step.setRescan("after/*.json");
    step.setScannedTargets("app/lib");
    step.setOnRemaining("unstable");
    step.setTickets("jira-sec");
    LedgerHook ledger =
        new LedgerHook(() -> LedgerOptions.h2(ledgerDir.resolve("ledger")), Clock.systemUTC());
    return new VerifyExecution(step, context, tickets, CredentialLookup.store(), ledger).run();
  }

  @Test
  void verifiedUnitsTicketIsClosedWithItsBundle() throws Exception {
    Map<String, Object> value = verify(true);

    assertThat(value.get("closedTickets")).isEqualTo(List.of("SEC-1"));
    assertThat(jira.requests())
        .contains(
            "POST /rest/api/3/issue/SEC-1/attachments",
            "GET /rest/api/3/issue/SEC-1/transitions",
            "POST /rest/api/3/issue/SEC-1/transitions");
    String unitId = TicketLinks.of(BuildRecords.read(run)).units().keySet().iterator().next();
    assertThat(TicketLinks.of(BuildRecords.read(run)).unit(unitId).orElseThrow().status())
        .isEqualTo("closed");
    assertThat(buildDir.resolve(VerifyExecution.TICKET_BUNDLES).resolve(unitId + ".zip"))
        .isRegularFile();
    assertNoSecret();
  }

  @Test
  void ticketStaysOpenWhileACveRemains() throws Exception {
    Map<String, Object> value = verify(false);

    assertThat(value.get("closedTickets")).isEqualTo(List.of());
    assertThat(jira.requests()).noneMatch(request -> request.contains("/transitions"));
    assertThat(jira.requests()).noneMatch(request -> request.contains("/attachments"));
  }

  private void assertNoSecret() throws IOException {
    StringBuilder all = new StringBuilder(listener.text());
    for (Path root : List.of(buildDir, workspace)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
      }
    }
    assertThat(all.toString()).contains("closed SEC-1").doesNotContain(SECRET);
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
