package io.patchpipeline.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.deploy.tool.BlockDeployer;
import io.patchpipeline.engine.deploy.tool.DeployRequest;
import io.patchpipeline.engine.deploy.tool.LocalCommandRunner;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.report.PackageKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployServiceTest {
  private static final List<String> HOSTS = List.of("web1", "web2", "web3", "web4");

  @TempDir Path folder;
  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final List<DeployRequest> bodyCalls = new ArrayList<>();
  private boolean bodyPasses = true;

  private DeployService service(Optional<VersionGate> gate) {
    BlockDeployer.Body body =
        (request, rollback) -> {
          bodyCalls.add(request);
          return Optional.of(
              bodyPasses || rollback
                  ? BlockDeployer.BodyOutcome.success()
                  : BlockDeployer.BodyOutcome.failure("exit code 1"));
        };
    return new DeployService(
        clock, clock.sleeper(), new LocalCommandRunner(), gate, Optional.of(body));
  }

  private Path record(PatchRecord record) throws IOException {
    Path file = folder.resolve("record.json");
    RecordStore.write(file, record);
    return file;
  }

  private static PatchRecord openssl(Priority priority, PackageKind kind) {
    return TestRecords.record(
        TestRecords.unit("PP-1", "openssl", kind, "3.0.13-1", "3.0.11-1", priority, HOSTS));
  }

  private Path plan(String yaml) throws IOException {
    Path file = folder.resolve("plan.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void dryRunRunsNothing() throws Exception {
    Path record = record(TestRecords.approved(openssl(Priority.P1, PackageKind.OS), false, "PP-1"));
    Path plan =
        plan(
            "tool: ansible\nansible:\n  playbook: patch.yml\n  inventory: hosts.ini\n"
                + "staging:\n  hosts: [web1]\nwaves: ['50%', '100%']\nhold: 30m\n");

    DeployResult result =
        service(Optional.empty())
            .run(DeployOptions.of(record, plan).withDryRun(true), Progress.NONE);

    assertThat(result.state()).isEmpty();
    assertThat(result.dryRun())
        .contains(
            "staging (staging), starts at +0s at the earliest: web1",
            "wave 1 (canary), starts at +30m at the earliest: web2",
            "wave 2 (canary), starts at +1h at the earliest: web3, web4");
    assertThat(result.dryRun())
        .anyMatch(
            line ->
                line.startsWith("  run: ansible-playbook -i ")
                    && line.contains("--limit web3,web4 -e @patch-vars.json ")
                    && line.endsWith("patch.yml"));
    assertThat(Files.exists(folder.resolve("record.json.deploy-state.json"))).isFalse();
    assertThat(RecordStore.read(record).stage("deploy")).isEmpty();
  }

  @Test
  void advanceReturnsBlockRunAndChecksDecision() throws Exception {
    Path record = record(TestRecords.approved(openssl(Priority.P1, PackageKind.OS), false, "PP-1"));
    Path plan = plan("tool: block\nwaves: ['25%', '100%']\nhold: 1h\n");
    DeployService pending =
        new DeployService(
            clock,
            clock.sleeper(),
            new LocalCommandRunner(),
            Optional.empty(),
            Optional.of((request, rollback) -> Optional.empty()));

    DeployResult waiting = pending.advance(DeployOptions.of(record, plan), Progress.NONE);

    assertThat(waiting.block().map(BlockRun::hosts)).contains(List.of("web1"));
    assertThat(waiting.wakeAt()).isEmpty();
    assertThat(waiting.summary()).containsEntry("status", "RUNNING");
    assertThatThrownBy(
            () ->
                pending.advance(
                    DeployOptions.of(record, plan)
                        .withDecision(new DeployOptions.Decision(true, "alice")),
                    Progress.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the rollout is RUNNING, not awaiting a decision");
  }

  @Test
  void blockBodyRunsOncePerWave() throws Exception {
    Path record = record(TestRecords.approved(openssl(Priority.P1, PackageKind.OS), false, "PP-1"));
    Path plan = plan("tool: block\nwaves: ['25%', '100%']\nhold: 1h\n");

    DeployResult result =
        service(Optional.empty()).run(DeployOptions.of(record, plan), Progress.NONE);

    assertThat(bodyCalls)
        .extracting(DeployRequest::hosts)
        .containsExactly(List.of("web1"), List.of("web2", "web3", "web4"));
    assertThat(bodyCalls.get(0).items().get(0).version()).isEqualTo("3.0.13-1");
    DeploySection section = DeploySection.read(RecordStore.read(record)).orElseThrow();
    assertThat(section.rollout().status()).isEqualTo(RolloutState.Status.SUCCEEDED);
    assertThat(section.tool()).isEqualTo("block");
    assertThat(result.summary())
        .containsEntry("status", "SUCCEEDED")
        .containsEntry("wavesPassed", 2L);
  }

  @Test
  void emergencyApprovalOfP0SkipsCanaryWaves() throws Exception {
    Path record = record(TestRecords.approved(openssl(Priority.P0, PackageKind.OS), true, "PP-1"));
    Path plan = plan("tool: block\nwaves: ['25%', '100%']\n");

    DeployResult result =
        service(Optional.empty()).run(DeployOptions.of(record, plan), Progress.NONE);

    assertThat(bodyCalls).hasSize(1);
    assertThat(result.emergency()).isTrue();
    assertThat(result.messages()).anyMatch(m -> m.text().contains("canary waves are skipped"));
  }

  @Test
  void emergencyNeedsP0AndTriage() throws Exception {
    Path p1 = record(TestRecords.approved(openssl(Priority.P1, PackageKind.OS), true, "PP-1"));
    Path plan = plan("tool: block\nwaves: ['25%', '100%']\n");

    service(Optional.empty()).run(DeployOptions.of(p1, plan), Progress.NONE);
    Files.delete(folder.resolve("record.json.deploy-state.json"));
    Path noTriage = record(openssl(Priority.P0, PackageKind.OS));
    DeployResult explicit =
        service(Optional.empty())
            .run(
                DeployOptions.of(noTriage, plan).withApprovedUnits(List.of("PP-1")), Progress.NONE);

    assertThat(bodyCalls).hasSize(4);
    assertThat(explicit.emergency()).isFalse();
  }

  @Test
  void onlyApprovedUnitsAreDeployed() throws Exception {
    Path unapproved = record(openssl(Priority.P1, PackageKind.OS));
    Path plan = plan("tool: block\n");

    assertThatThrownBy(
            () -> service(Optional.empty()).run(DeployOptions.of(unapproved, plan), Progress.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no triage decisions");
    Path approvedOther =
        record(TestRecords.approved(openssl(Priority.P1, PackageKind.OS), false, "PP-9"));
    assertThatThrownBy(
            () ->
                service(Optional.empty())
                    .run(
                        DeployOptions.of(approvedOther, plan).withApprovedUnits(List.of("PP-1")),
                        Progress.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unit PP-1 is not approved by triage");
    assertThat(bodyCalls).isEmpty();
  }

  @Test
  void stagingSmokeReportFailureStopsEverything() throws Exception {
    Path record = record(TestRecords.approved(openssl(Priority.P1, PackageKind.OS), false, "PP-1"));
    Files.writeString(
        folder.resolve("smoke.xml"),
        "<testsuite name='smoke'><testcase name='login'/><testcase name='checkout'><failure message='500'/></testcase></testsuite>");
    Path plan =
        plan(
            "tool: block\nstaging:\n  hosts: [web1]\n  smoke:\n    command: ['true']\n    junit: smoke.xml\n"
                + "waves: ['100%']\n");

    DeployResult result =
        service(Optional.empty()).run(DeployOptions.of(record, plan), Progress.NONE);

    RolloutState state = result.state().orElseThrow();
    assertThat(state.status()).isEqualTo(RolloutState.Status.ROLLED_BACK);
    assertThat(state.reason())
        .isEqualTo("smoke test report: 2 tests, 1 failures, 0 errors, 0 skipped");
    assertThat(state.waves().get(1).phase()).isEqualTo(WaveState.Phase.PENDING);
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void kernelStagingRebootMustBootTheInstalledKernel() throws Exception {
    Path record =
        record(TestRecords.approved(openssl(Priority.P1, PackageKind.KERNEL), false, "PP-1"));
    Path plan =
        plan(
            "tool: block\nstaging:\n  hosts: [web1]\n  reboot:\n    reboot: ['true']\n    probe: ['true']\n"
                + "    runningKernel: [echo, 6.1.0-17-amd64]\n    installedKernel: [echo, 6.1.0-18-amd64]\n    deadline: 5m\n"
                + "waves: ['100%']\n");

    RolloutState state =
        service(Optional.empty())
            .run(DeployOptions.of(record, plan), Progress.NONE)
            .state()
            .orElseThrow();

    assertThat(state.reason())
        .isEqualTo("web1 runs kernel '6.1.0-17-amd64' but '6.1.0-18-amd64' is installed");
  }

  @Test
  void kernelRebootDeadlinePasses() throws Exception {
    Path record =
        record(TestRecords.approved(openssl(Priority.P1, PackageKind.KERNEL), false, "PP-1"));
    Path plan =
        plan(
            "tool: block\nstaging:\n  hosts: [web1]\n  reboot:\n    reboot: ['true']\n    probe: ['false']\n"
                + "    runningKernel: [echo, a]\n    installedKernel: [echo, a]\n    deadline: 5m\n    interval: 1m\n"
                + "waves: ['100%']\n");
    Instant start = clock.instant();

    RolloutState state =
        service(Optional.empty())
            .run(DeployOptions.of(record, plan), Progress.NONE)
            .state()
            .orElseThrow();

    assertThat(state.reason()).isEqualTo("web1 did not come back within PT5M after the reboot");
    assertThat(clock.instant()).isAfter(start.plusSeconds(300));
  }

  @Test
  void cveGateHoldsBackTheNextWave() throws Exception {
    Path record = record(TestRecords.approved(openssl(Priority.P1, PackageKind.OS), false, "PP-1"));
    Path plan = plan("tool: block\nwaves: ['25%', '100%']\ncveGate: true\nonFailure: freeze\n");
    VersionGate gate =
        (hosts, items) ->
            hosts.stream()
                .map(
                    host ->
                        new VersionGate.Result(
                            host,
                            "openssl",
                            host.equals("web1")
                                ? VersionGate.Status.UNKNOWN
                                : VersionGate.Status.FIXED,
                            ""))
                .toList();

    RolloutState state =
        service(Optional.of(gate))
            .run(DeployOptions.of(record, plan), Progress.NONE)
            .state()
            .orElseThrow();

    assertThat(state.status()).isEqualTo(RolloutState.Status.FROZEN);
    assertThat(state.reason()).isEqualTo("CVE gate: web1 openssl UNKNOWN");
    assertThat(bodyCalls).hasSize(1);
  }

  @Test
  void finishedRolloutIsNotRerun() throws Exception {
    Path record = record(TestRecords.approved(openssl(Priority.P1, PackageKind.OS), false, "PP-1"));
    Path plan = plan("tool: block\n");
    service(Optional.empty()).run(DeployOptions.of(record, plan), Progress.NONE);

    DeployResult again =
        service(Optional.empty()).run(DeployOptions.of(record, plan), Progress.NONE);
    plan("tool: block\nhold: 1m\n");

    assertThat(bodyCalls).hasSize(1);
    assertThat(again.messages())
        .anyMatch(m -> m.text().contains("has already finished: SUCCEEDED"));
    assertThatThrownBy(
            () -> service(Optional.empty()).run(DeployOptions.of(record, plan), Progress.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("another plan");
  }

  @Test
  void cveGateWithoutChecker() throws Exception {
    Path record = record(TestRecords.approved(openssl(Priority.P1, PackageKind.OS), false, "PP-1"));
    Path plan = plan("tool: block\ncveGate: true\n");

    RolloutState state =
        service(Optional.empty())
            .run(DeployOptions.of(record, plan), Progress.NONE)
            .state()
            .orElseThrow();

    assertThat(state.status()).isEqualTo(RolloutState.Status.ROLLED_BACK);
    assertThat(state.reason()).contains("no version check is available");
  }

  @Test
  void advanceStopsAtEachHold() throws Exception {
    Path record = record(TestRecords.approved(openssl(Priority.P1, PackageKind.OS), false, "PP-1"));
    Path plan = plan("tool: block\nwaves: ['25%', '100%']\nhold: 1h\n");
    DeployOptions options = DeployOptions.of(record, plan);
    Instant start = clock.instant();

    DeployResult first = service(Optional.empty()).advance(options, Progress.NONE);
    clock.set(first.wakeAt().orElseThrow());
    DeployResult second = service(Optional.empty()).advance(options, Progress.NONE);
    clock.set(second.wakeAt().orElseThrow());
    DeployResult last = service(Optional.empty()).advance(options, Progress.NONE);

    assertThat(first.wakeAt()).contains(start.plusSeconds(3600));
    assertThat(bodyCalls).hasSize(2);
    assertThat(DeploySection.read(RecordStore.read(record)).orElseThrow().rollout().status())
        .isEqualTo(RolloutState.Status.SUCCEEDED);
    assertThat(last.wakeAt()).isEmpty();
    assertThat(last.succeeded()).isTrue();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"web1;touch /tmp/x", "-oProxyCommand=x", "db9", "web1 web2"})
  void editedStateHostIsRejectedOnResume(String host) throws Exception {
    Path record = record(TestRecords.approved(openssl(Priority.P1, PackageKind.OS), false, "PP-1"));
    Path plan = plan("tool: block\nwaves: ['25%', '100%']\nhold: 1h\n");
    service(Optional.empty()).run(DeployOptions.of(record, plan), Progress.NONE);
    Path stateFile = folder.resolve("record.json.deploy-state.json");
    com.fasterxml.jackson.databind.node.ObjectNode state =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            io.patchpipeline.engine.core.Json.mapper().readTree(stateFile.toFile());
    ((com.fasterxml.jackson.databind.node.ArrayNode) state.path("waves").get(1).path("hosts"))
        .set(1, host);
    io.patchpipeline.engine.core.Json.mapper().writeValue(stateFile.toFile(), state);
    int callsBefore = bodyCalls.size();

    assertThatThrownBy(
            () -> service(Optional.empty()).run(DeployOptions.of(record, plan), Progress.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("record.json.deploy-state.json")
        .hasMessageContaining("/waves/1/hosts/1");
    assertThat(bodyCalls).hasSize(callsBefore);
  }
}
