package io.patchpipeline.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.deploy.tool.BlockDeployer;
import io.patchpipeline.engine.deploy.tool.LocalCommandRunner;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.report.PackageKind;
import io.patchpipeline.engine.ticket.FileTicket;
import io.patchpipeline.engine.ticket.TicketSync;
import io.patchpipeline.engine.ticket.TicketSyncOptions;
import io.patchpipeline.engine.ticket.TicketSystemConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs rollouts through {@link DeployService} with the block deployer and the file ticket store,
 * and checks what the listeners wrote: one comment per wave outcome, also across resumed runs.
 */
class RolloutHooksTest {
  private static final List<String> HOSTS = List.of("web1", "web2", "web3", "web4");

  @TempDir Path folder;
  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final List<String> progress = new ArrayList<>();
  private boolean bodyPasses = true;
  private Path recordFile;

  @BeforeEach
  void writeRecordWithTicket() throws IOException {
    PatchRecord record =
        TestRecords.approved(
            TestRecords.record(
                TestRecords.unit(
                    "PP-1", "openssl", PackageKind.OS, "3.0.13-1", "3.0.11-1", Priority.P1, HOSTS)),
            false,
            "PP-1");
    recordFile = folder.resolve("record.json");
    RecordStore.write(recordFile, ticketSync().sync(record).record());
  }

  private TicketSync ticketSync() {
    return TicketSync.of(
        TicketSyncOptions.forRecord(
            TicketSystemConfig.fileStore(folder.resolve("tickets")),
            Credentials.none(),
            folder.resolve("record.json"),
            false));
  }

  private DeployService service(RolloutListener... extra) throws IOException {
    BlockDeployer.Body body =
        (request, rollback) ->
            Optional.of(
                bodyPasses || rollback
                    ? BlockDeployer.BodyOutcome.success()
                    : BlockDeployer.BodyOutcome.failure("exit code 1"));
    List<RolloutListener> listeners = new ArrayList<>();
    listeners.add(new TicketComments(ticketSync(), RecordStore.read(recordFile)));
    listeners.addAll(List.of(extra));
    return new DeployService(
            clock, clock.sleeper(), new LocalCommandRunner(), Optional.empty(), Optional.of(body))
        .withListeners(listeners);
  }

  private Path plan(String yaml) throws IOException {
    Path file = folder.resolve("plan.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private List<String> comments() throws IOException {
    try (Stream<Path> files = Files.list(folder.resolve("tickets"))) {
      Path ticket =
          files.filter(f -> f.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
      FileTicket read =
          io.patchpipeline.engine.core.Json.mapper().readValue(ticket.toFile(), FileTicket.class);
      return read.comments().stream()
          .map(FileTicket.Comment::text)
          .filter(text -> text.contains(RolloutComments.KEY_PREFIX))
          .toList();
    }
  }

  @Test
  void eachWaveOutcomeIsCommentedOnce() throws Exception {
    Path plan = plan("tool: block\nwaves: ['50%', '100%']\nhold: 30m\n");

    service().run(DeployOptions.of(recordFile, plan), progress::add);
    service().run(DeployOptions.of(recordFile, plan), progress::add);

    List<String> comments = comments();
    assertThat(comments).hasSize(2);
    assertThat(comments.get(0))
        .startsWith("Rollout ")
        .contains(", wave 1 (canary, 1 of 2): widened.")
        .contains("Hosts: web1, web2")
        .contains("Results: web1 changed, web2 changed")
        .contains("Health: no samples")
        .contains("Decision: widened")
        .contains("the next wave is wave 2.")
        .endsWith(":wave-1:widened");
    assertThat(comments.get(1))
        .contains("wave 2 (canary, 2 of 2): succeeded.")
        .contains("Decision: every wave passed");
  }

  @Test
  void resumedRolloutDoesNotRepeatComments() throws Exception {
    Path plan = plan("tool: block\nwaves: ['25%', '50%', '100%']\nhold: 30m\n");
    DeployOptions options = DeployOptions.of(recordFile, plan);

    DeployResult first = service().advance(options, progress::add);
    clock.set(first.wakeAt().orElseThrow());
    DeployResult second = service().advance(options, progress::add);
    clock.set(second.wakeAt().orElseThrow());
    DeployResult third = service().advance(options, progress::add);
    clock.set(third.wakeAt().orElseThrow());
    DeployResult last = service().advance(options, progress::add);

    assertThat(first.wakeAt()).isPresent();
    assertThat(second.wakeAt()).isPresent();
    assertThat(third.wakeAt()).isPresent();
    assertThat(last.state().orElseThrow().status()).isEqualTo(RolloutState.Status.SUCCEEDED);
    assertThat(comments())
        .extracting(text -> text.substring(text.lastIndexOf(':') + 1))
        .containsExactly("widened", "widened", "succeeded");
    RolloutState saved = new StateFile(options.resolvedStateFile()).read().orElseThrow();
    String id = saved.rolloutId();
    assertThat(saved.notified())
        .containsExactly(
            "tickets/" + id + ":started",
            "tickets/" + id + ":wave-1:widened",
            "tickets/" + id + ":wave-2:widened",
            "tickets/" + id + ":wave-3:succeeded",
            "tickets/" + id + ":finished");
  }

  @Test
  void stagingFailureCommentsForOwners() throws Exception {
    bodyPasses = false;
    Path plan = plan("tool: block\nstaging:\n  hosts: [web1]\nwaves: ['100%']\n");

    DeployResult result = service().run(DeployOptions.of(recordFile, plan), progress::add);

    assertThat(result.state().orElseThrow().status()).isEqualTo(RolloutState.Status.ROLLED_BACK);
    List<String> comments = comments();
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0))
        .contains("staging (staging, 1 of 2): rolled back.")
        .contains("Decision: halted and rolled back")
        .contains("Rollback of staging: web1 changed")
        .contains("Staging failed, so no production host was touched.")
        .contains("Owners of unit PP-1: ops.");
  }

  @Test
  void frozenRolloutSaysSo() throws Exception {
    bodyPasses = false;
    Path plan = plan("tool: block\nwaves: ['50%', '100%']\nonFailure: freeze\n");

    service().run(DeployOptions.of(recordFile, plan), progress::add);

    assertThat(comments()).singleElement().asString().contains("Decision: halted and frozen");
  }

  @Test
  void failedListenerIsRetriedThenGivenUp() throws Exception {
    Path plan = plan("tool: block\nwaves: ['50%', '100%']\n");
    List<String> received = new ArrayList<>();
    int[] failures = {2};
    RolloutListener flaky =
        new RolloutListener() {
          @Override
          public void onEvent(RolloutEvent event) throws IOException {
            if (event.type() == RolloutEvent.Type.STARTED && failures[0]-- > 0) {
              throw new IOException("change request system unavailable");
            }
            received.add(event.key().substring(event.key().indexOf(':') + 1));
          }

          @Override
          public String name() {
            return "flaky";
          }
        };
    RolloutListener broken =
        event -> {
          throw new IOException("always down");
        };

    DeployResult result =
        service(flaky, broken).run(DeployOptions.of(recordFile, plan), progress::add);

    assertThat(result.state().orElseThrow().status()).isEqualTo(RolloutState.Status.SUCCEEDED);
    assertThat(received)
        .containsExactly("started", "wave-1:widened", "wave-2:succeeded", "finished");
    assertThat(progress)
        .anyMatch(line -> line.contains("flaky/") && line.contains("(attempt 1 of 3)"))
        .anyMatch(line -> line.contains("always down; gave up"));
    assertThat(comments()).hasSize(2);
  }

  @Test
  void dryRunShowsCommentsAndWritesNone() throws Exception {
    Path plan = plan("tool: block\nstaging:\n  hosts: [web1]\nwaves: ['100%']\n");

    DeployResult result =
        service().run(DeployOptions.of(recordFile, plan).withDryRun(true), progress::add);

    assertThat(result.dryRun())
        .contains(
            "  ticket comment when it passes: \"staging: widened, the next wave is wave 1\" with"
                + " hosts, per-host results, checks and health samples",
            "  ticket comment when it fails: \"staging: halted and rolled back\", addressed to"
                + " the units' owners",
            "  ticket comment when it passes: \"wave 1: succeeded, every wave passed\" with hosts,"
                + " per-host results, checks and health samples");
    assertThat(comments()).isEmpty();
  }

  @Test
  void eventsAreDerivedFromState() throws Exception {
    DeployPlan plan = WavePlannerTest.plan("tool: block\nwaves: ['50%', '100%']\n");
    RolloutState state =
        RolloutState.start(
            "hash",
            List.of("PP-1"),
            WavePlanner.plan(plan, HOSTS, false),
            Instant.parse("2026-03-02T09:00:00Z"));

    List<RolloutEvent> events = RolloutEvents.of(state);

    assertThat(events)
        .singleElement()
        .extracting(RolloutEvent::type)
        .isEqualTo(RolloutEvent.Type.STARTED);
    assertThat(events.get(0).key()).isEqualTo(state.rolloutId() + ":started");
    assertThat(RolloutComments.text(events.get(0)))
        .contains("started: 2 waves on 4 hosts for units PP-1.")
        .contains("- wave 1: web1, web2");
  }
}
