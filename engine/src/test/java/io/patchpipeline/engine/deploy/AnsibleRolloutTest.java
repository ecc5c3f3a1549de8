package io.patchpipeline.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.patchpipeline.engine.deploy.tool.AnsibleDeployer;
import io.patchpipeline.engine.deploy.tool.DeployItem;
import io.patchpipeline.engine.deploy.tool.DeployRequest;
import io.patchpipeline.engine.deploy.tool.HostResult;
import io.patchpipeline.engine.deploy.tool.LocalCommandRunner;
import io.patchpipeline.engine.deploy.tool.ToolResult;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.report.PackageKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ansible-playbook} against eight hosts on this machine ({@code
 * ansible_connection=local}); each host "installs" a package by writing its version to a file in
 * its own folder, and host5 fails.
 */
class AnsibleRolloutTest {
  private static final List<String> HOSTS =
      IntStream.rangeClosed(1, 8).mapToObj(i -> "host" + i).toList();
  private static final String OLD = "3.0.11-1~deb12u2";
  private static final String FIXED = "3.0.13-1~deb12u1";

  @TempDir Path folder;
  private Path hostsRoot;

  static boolean ansibleInstalled() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(entry, "ansible-playbook"))) {
        return true;
      }
    }
    return false;
  }

  @BeforeEach
  void writeInventoryAndPlaybooks() throws IOException {
    assumeTrue(
        ansibleInstalled(),
        "ansible-playbook is not on PATH; install Debian's ansible-core to run this test");
    hostsRoot = Files.createDirectories(folder.resolve("hosts"));
    for (String host : HOSTS) {
      Files.createDirectories(hostsRoot.resolve(host));
      Files.writeString(hostsRoot.resolve(host).resolve("openssl.version"), OLD + "\n");
    }
    writeInventory(java.util.Map.of("host5", "fail_patch=true"));
    for (String name : List.of("patch.yml", "rollback.yml", "facts.yml")) {
      try (InputStream in = getClass().getResourceAsStream("/deploy/ansible/" + name)) {
        Files.copy(in, folder.resolve(name));
      }
    }
  }

  /** Writes the inventory of the eight hosts, with the variables given per host. */
  private void writeInventory(java.util.Map<String, String> hostVariables) throws IOException {
    StringBuilder inventory = new StringBuilder("[web]\n");
    for (String host : HOSTS) {
      String variables = hostVariables.getOrDefault(host, "");
      inventory.append(host).append(variables.isEmpty() ? "" : " " + variables).append('\n');
    }
    inventory
        .append(
            "\n[all:vars]\nansible_connection=local\nansible_python_interpreter=/usr/bin/python3\n")
        .append("patch_root=")
        .append(hostsRoot)
        .append("\nfacts_dir=")
        .append(folder.resolve("facts"))
        .append('\n');
    Files.createDirectories(folder.resolve("facts"));
    Files.writeString(folder.resolve("inventory.ini"), inventory.toString());
  }

  private String version(String host) throws IOException {
    return Files.readString(
            hostsRoot.resolve(host).resolve("openssl.version"), StandardCharsets.UTF_8)
        .strip();
  }

  private AnsibleDeployer deployer() {
    return new AnsibleDeployer(
        new AnsibleDeployer.Settings(
            "ansible-playbook",
            folder.resolve("patch.yml"),
            folder.resolve("inventory.ini"),
            Optional.of(folder.resolve("rollback.yml")),
            Duration.ofMinutes(5)),
        new LocalCommandRunner());
  }

  private static DeployItem openssl() {
    return new DeployItem("PP-1", "openssl", FIXED, OLD, "OS", List.of("CVE-2024-0727"));
  }

  @Test
  void deployReportsEachHostAndTouchesOnlyTheLimit() throws Exception {
    ToolResult result =
        deployer()
            .deploy(
                new DeployRequest(
                    "wave 1", List.of("host1", "host5", "host9"), List.of(openssl()), false));

    assertThat(result.hosts())
        .extracting(HostResult::status)
        .containsExactly(
            HostResult.Status.CHANGED, HostResult.Status.FAILED, HostResult.Status.UNKNOWN);
    assertThat(result.hosts().get(1).detail()).contains("simulated package manager failure");
    assertThat(version("host1")).isEqualTo(FIXED);
    assertThat(version("host2")).isEqualTo(OLD);
    assertThat(result.commands().get(0))
        .contains("--limit host1,host5,host9")
        .contains("-e @patch-vars.json");
  }

  @Test
  void checkModeChangesNothing() throws Exception {
    ToolResult result =
        deployer().deploy(new DeployRequest("check", HOSTS, List.of(openssl()), true));

    assertThat(result.hosts())
        .filteredOn(host -> !host.host().equals("host5"))
        .extracting(HostResult::status)
        .containsOnly(HostResult.Status.CHANGED);
    for (String host : HOSTS) {
      assertThat(version(host)).as(host).isEqualTo(OLD);
    }
    assertThat(result.commands().get(0)).contains("--check");
  }

  @Test
  void secondRunChangesNothing() throws Exception {
    DeployRequest request =
        new DeployRequest("wave 1", List.of("host1", "host2"), List.of(openssl()), false);
    deployer().deploy(request);

    ToolResult again = deployer().deploy(request);

    assertThat(again.hosts()).extracting(HostResult::status).containsOnly(HostResult.Status.OK);
  }

  @Test
  void rolloutHaltsAtBudgetAndRollsBackDoneHosts() throws Exception {
    Files.writeString(
        folder.resolve("plan.yaml"),
        String.join(
            "\n",
            "tool: ansible",
            "ansible:",
            "  playbook: patch.yml",
            "  rollbackPlaybook: rollback.yml",
            "  inventory: inventory.ini",
            "hosts: [" + String.join(", ", HOSTS) + "]",
            "waves: ['25%', '75%', '100%']",
            "hold: 10m",
            "failureBudget:",
            "  perWave: 0%",
            "onFailure: rollback",
            ""));
    PatchRecord record =
        TestRecords.approved(
            TestRecords.record(
                TestRecords.unit(
                    "PP-1", "openssl", PackageKind.OS, FIXED, OLD, Priority.P1, HOSTS)),
            false,
            "PP-1");
    Path recordFile = folder.resolve("record.json");
    RecordStore.write(recordFile, record);
    FakeClock clock = new FakeClock(Instant.parse("2026-03-02T09:00:00Z"));
    List<String> progress = new ArrayList<>();
    List<String> versionsAfterWave1 = new ArrayList<>();
    Progress watcher =
        line -> {
          progress.add(line);
          if (line.startsWith("wave 1: holding")) {
            for (String host : HOSTS) {
              versionsAfterWave1.add(host + "=" + read(host));
            }
          }
        };
    DeployService service =
        new DeployService(
            clock, clock.sleeper(), new LocalCommandRunner(), Optional.empty(), Optional.empty());

    DeployResult result =
        service.run(DeployOptions.of(recordFile, folder.resolve("plan.yaml")), watcher);

    RolloutState state = result.state().orElseThrow();
    assertThat(state.status()).isEqualTo(RolloutState.Status.ROLLED_BACK);
    assertThat(state.waves())
        .extracting(WaveState::hosts)
        .containsExactly(
            List.of("host1", "host2"),
            List.of("host3", "host4", "host5", "host6"),
            List.of("host7", "host8"));
    assertThat(versionsAfterWave1).contains("host1=" + FIXED, "host2=" + FIXED, "host3=" + OLD);
    assertThat(state.waves().get(1).results())
        .filteredOn(HostResult::failed)
        .extracting(HostResult::host)
        .containsExactly("host5");
    assertThat(state.reason()).contains("1 of 4 hosts failed");
    assertThat(state.waves().get(2).phase()).isEqualTo(WaveState.Phase.PENDING);
    for (String host : HOSTS) {
      assertThat(version(host)).as(host).isEqualTo(OLD);
    }
    assertThat(state.waves().get(0).rollbackResults())
        .extracting(HostResult::status)
        .containsOnly(HostResult.Status.CHANGED);
    assertThat(DeploySection.read(RecordStore.read(recordFile)).orElseThrow().rollout().status())
        .isEqualTo(RolloutState.Status.ROLLED_BACK);
    assertThat(progress).contains("wave 2: failed: " + state.reason());
    assertThat(result.summary())
        .containsEntry("status", "ROLLED_BACK")
        .containsEntry("failedHosts", 1L);
  }

  private String read(String host) {
    try {
      return version(host);
    } catch (IOException e) {
      return "unreadable";
    }
  }

  @Test
  void cveGateStopsWideningOnHeldHost() throws Exception {
    writeInventory(java.util.Map.of("host4", "hold_package=true"));
    Path plan = writeGatePlan("rollback");

    DeployResult result = runWithGate(plan);

    RolloutState state = result.state().orElseThrow();
    assertThat(state.status()).isEqualTo(RolloutState.Status.ROLLED_BACK);
    assertThat(state.waves().get(0).phase()).isEqualTo(WaveState.Phase.ROLLED_BACK);
    assertThat(state.waves().get(0).checks())
        .contains(
            "CVE gate: host1 openssl FIXED (installed "
                + FIXED
                + " is at least fixed "
                + FIXED
                + ")");
    assertThat(state.waves().get(1).results())
        .as("Ansible reports no failure for the held host")
        .noneMatch(HostResult::failed);
    assertThat(state.waves().get(1).checks())
        .anyMatch(line -> line.startsWith("CVE gate: host4 openssl VULNERABLE"));
    assertThat(state.reason()).isEqualTo("CVE gate: host4 openssl VULNERABLE");
    assertThat(state.waves().get(2).phase()).isEqualTo(WaveState.Phase.PENDING);
    for (String host : HOSTS) {
      assertThat(version(host)).as(host).isEqualTo(OLD);
    }
  }

  @Test
  void cveGateTreatsMissingFactsAsUnknown() throws Exception {
    writeInventory(java.util.Map.of("host2", "hide_facts=true"));
    Path plan = writeGatePlan("freeze");

    DeployResult result = runWithGate(plan);

    RolloutState state = result.state().orElseThrow();
    assertThat(state.status()).isEqualTo(RolloutState.Status.FROZEN);
    assertThat(state.current()).isZero();
    assertThat(version("host2")).as("the patch itself reached host2").isEqualTo(FIXED);
    assertThat(state.reason()).isEqualTo("CVE gate: host2 openssl UNKNOWN");
    assertThat(state.waves().get(0).checks())
        .anyMatch(line -> line.startsWith("CVE gate: host2 openssl UNKNOWN (host host2 was not"));
    assertThat(version("host3")).isEqualTo(OLD);
  }

  @Test
  void cveGatePassesEveryWaveWhenAllHostsFixed() throws Exception {
    writeInventory(java.util.Map.of());
    Path plan = writeGatePlan("rollback");

    DeployResult result = runWithGate(plan);

    RolloutState state = result.state().orElseThrow();
    assertThat(state.status()).isEqualTo(RolloutState.Status.SUCCEEDED);
    assertThat(state.waves())
        .allSatisfy(
            wave ->
                assertThat(wave.checks())
                    .hasSize(wave.hosts().size())
                    .allMatch(line -> line.contains(" openssl FIXED ")));
    for (String host : HOSTS) {
      assertThat(version(host)).as(host).isEqualTo(FIXED);
    }
  }

  private Path writeGatePlan(String onFailure) throws IOException {
    Path plan = folder.resolve("gate-plan.yaml");
    Files.writeString(
        plan,
        String.join(
            "\n",
            "tool: ansible",
            "ansible:",
            "  playbook: patch.yml",
            "  rollbackPlaybook: rollback.yml",
            "  inventory: inventory.ini",
            "hosts: [" + String.join(", ", HOSTS) + "]",
            "waves: ['25%', '75%', '100%']",
            "onFailure: " + onFailure,
            "cveGate: true",
            "installedVersions:",
            "  format: ansible",
            "  ecosystem: debian",
            "  command: [ansible-playbook, -i, inventory.ini, facts.yml, --limit, '{hosts}']",
            "  file: 'facts/{host}.json'",
            ""));
    return plan;
  }

  private DeployResult runWithGate(Path plan) throws Exception {
    PatchRecord record =
        TestRecords.approved(
            TestRecords.record(
                TestRecords.unit(
                    "PP-1", "openssl", PackageKind.OS, FIXED, OLD, Priority.P1, HOSTS)),
            false,
            "PP-1");
    Path recordFile = folder.resolve("record.json");
    RecordStore.write(recordFile, record);
    FakeClock clock = new FakeClock(Instant.parse("2026-03-02T09:00:00Z"));
    LocalCommandRunner runner = new LocalCommandRunner();
    DeployService service =
        new DeployService(
            clock,
            clock.sleeper(),
            runner,
            io.patchpipeline.engine.service.CveGates.fromPlan(plan, runner),
            Optional.empty());
    return service.run(DeployOptions.of(recordFile, plan), Progress.NONE);
  }
}
