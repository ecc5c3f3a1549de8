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
    StringBuilder inventory = new StringBuilder("[web]\n");
    for (String host : HOSTS) {
      inventory.append(host).append(host.equals("host5") ? " fail_patch=true" : "").append('\n');
      Files.createDirectories(hostsRoot.resolve(host));
      Files.writeString(hostsRoot.resolve(host).resolve("openssl.version"), OLD + "\n");
    }
    inventory
        .append(
            "\n[all:vars]\nansible_connection=local\nansible_python_interpreter=/usr/bin/python3\n")
        .append("patch_root=")
        .append(hostsRoot)
        .append('\n');
    Files.writeString(folder.resolve("inventory.ini"), inventory.toString());
    for (String name : List.of("patch.yml", "rollback.yml")) {
      try (InputStream in = getClass().getResourceAsStream("/deploy/ansible/" + name)) {
        Files.copy(in, folder.resolve(name));
      }
    }
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
}
