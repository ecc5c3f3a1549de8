package io.patchpipeline.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.deploy.VersionGate;
import io.patchpipeline.engine.deploy.tool.Command;
import io.patchpipeline.engine.deploy.tool.CommandResult;
import io.patchpipeline.engine.deploy.tool.CommandRunner;
import io.patchpipeline.engine.deploy.tool.DeployItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstalledVersionGateTest {
  private static final DeployItem OPENSSL =
      new DeployItem(
          "PP-1",
          "openssl",
          "3.0.13-1~deb12u1",
          "3.0.11-1~deb12u2",
          "OS",
          List.of("CVE-2024-0727"));

  @TempDir Path folder;
  private final List<Command> commands = new ArrayList<>();

  /** Returns a runner that outputs each listed host's package list and fails for other hosts. */
  private CommandRunner runner(Map<String, String> outputs) {
    return command -> {
      commands.add(command);
      String host = command.arguments().get(command.arguments().size() - 1);
      String output = outputs.get(host);
      return output == null
          ? new CommandResult(255, "ssh: connect to host " + host + ": Connection refused", false)
          : new CommandResult(0, output, false);
    };
  }

  private VersionGate gate(String section, CommandRunner runner) throws IOException {
    Path plan = folder.resolve("plan.yaml");
    Files.writeString(plan, "tool: ansible\ncveGate: true\ninstalledVersions:\n" + section);
    return CveGates.fromPlan(plan, runner).orElseThrow();
  }

  @Test
  void dpkgOutputPerHostDecidesEachHost() throws Exception {
    VersionGate gate =
        gate(
            "  format: dpkg\n  hostCommand: [ssh, '{host}']\n",
            runner(
                Map.of(
                    "web1", "openssl 3.0.13-1~deb12u1 amd64\n",
                    "web2", "openssl 3.0.11-1~deb12u2 amd64\n",
                    "web4", "zlib 1:1.2.13.dfsg-1\n",
                    "web5", "corrupted")));

    List<VersionGate.Result> results =
        gate.check(List.of("web1", "web2", "web3", "web4", "web5"), List.of(OPENSSL));

    assertThat(results)
        .extracting(VersionGate.Result::status)
        .containsExactly(
            VersionGate.Status.FIXED,
            VersionGate.Status.VULNERABLE,
            VersionGate.Status.UNKNOWN,
            VersionGate.Status.UNKNOWN,
            VersionGate.Status.UNKNOWN);
    assertThat(results.get(1).detail())
        .isEqualTo("installed 3.0.11-1~deb12u2 is older than fixed 3.0.13-1~deb12u1");
    assertThat(results.get(2).detail()).contains("Connection refused");
    assertThat(results.get(3).detail()).contains("did not report package openssl");
    assertThat(results.get(4).detail()).contains("PACKAGE VERSION");
    assertThat(commands).extracting(c -> c.arguments().get(1)).contains("web1", "web5");
    assertThat(commands.get(0).directory()).contains(folder.toAbsolutePath().normalize());
  }

  @Test
  void failedWaveCommandLeavesEveryHostUnknown() throws Exception {
    CommandRunner failing =
        command -> {
          commands.add(command);
          return new CommandResult(2, "PLAY RECAP\nfatal: inventory not found", false);
        };
    Files.createDirectories(folder.resolve("facts"));
    Files.writeString(folder.resolve("facts/web1.json"), "{\"packages\": {}}");
    VersionGate gate =
        gate(
            "  format: ansible\n  command: [ansible-playbook, facts.yml, --limit, '{hosts}']\n"
                + "  file: 'facts/{host}.json'\n",
            failing);

    List<VersionGate.Result> results = gate.check(List.of("web1", "web2"), List.of(OPENSSL));

    assertThat(results)
        .extracting(VersionGate.Result::status)
        .containsOnly(VersionGate.Status.UNKNOWN);
    assertThat(results.get(0).detail())
        .contains(
            "the installed-version command failed with exit code 2: fatal: inventory not found");
    assertThat(commands.get(0).arguments())
        .containsExactly("ansible-playbook", "facts.yml", "--limit", "web1,web2");
    assertThat(folder.resolve("facts/web1.json"))
        .as("a stale facts file is removed")
        .doesNotExist();
  }

  @Test
  void oneFactsFileForAllHosts() throws Exception {
    Files.writeString(
        folder.resolve("facts.json"),
        "{\"web1\": {\"ansible_facts\": {\"ansible_distribution\": \"Debian\", \"packages\": {\"openssl\":"
            + " [{\"version\": \"3.0.13-1~deb12u1\", \"source\": \"apt\"}]}}}}");
    VersionGate gate = gate("  format: ansible\n  file: facts.json\n", runner(Map.of()));

    List<VersionGate.Result> results = gate.check(List.of("web1", "web2"), List.of(OPENSSL));

    assertThat(results)
        .extracting(VersionGate.Result::status)
        .containsExactly(VersionGate.Status.FIXED, VersionGate.Status.UNKNOWN);
    assertThat(results.get(1).detail()).contains("has no facts of web2");
    assertThat(commands).isEmpty();
  }

  @Test
  void missingFileIsUnknown() throws Exception {
    VersionGate gate = gate("  format: rpm\n  file: 'facts/{host}.rpm'\n", runner(Map.of()));

    List<VersionGate.Result> results = gate.check(List.of("db1"), List.of(OPENSSL));

    assertThat(results)
        .singleElement()
        .extracting(VersionGate.Result::status)
        .isEqualTo(VersionGate.Status.UNKNOWN);
    assertThat(results.get(0).detail()).contains("no installed versions in");
  }

  @Test
  void rpmOutputComparesWithRpmOrdering() throws Exception {
    DeployItem bash = new DeployItem("PP-2", "bash", "5.1.8-9.el9", "5.1.8-6.el9", "OS", List.of());
    VersionGate gate =
        gate(
            "  format: rpm\n  hostCommand: [ssh, '{host}']\n",
            runner(
                Map.of("db1", "bash 0:5.1.8-10.el9 x86_64\n", "db2", "bash (none):5.1.8-6.el9\n")));

    List<VersionGate.Result> results = gate.check(List.of("db1", "db2"), List.of(bash));

    assertThat(results)
        .extracting(VersionGate.Result::status)
        .containsExactly(VersionGate.Status.FIXED, VersionGate.Status.VULNERABLE);
  }

  @Test
  void describeRunsNothing() throws Exception {
    VersionGate gate =
        gate("  format: dpkg\n  hostCommand: [ssh, '{host}', dpkg-query, -W]\n", runner(Map.of()));

    List<String> lines = gate.describe(List.of("web1", "web2"), List.of(OPENSSL));

    assertThat(lines)
        .containsExactly(
            "run per host: ssh web1 dpkg-query -W (and the other hosts)",
            "require openssl at least 3.0.13-1~deb12u1 on every host; an unknown version fails the gate");
    assertThat(commands).isEmpty();
  }

  @Test
  void planWithoutGateHasNone() throws Exception {
    Path plan = folder.resolve("plan.yaml");
    Files.writeString(plan, "tool: ansible\n");

    assertThat(CveGates.fromPlan(plan, runner(Map.of()))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|/installedVersions|missing; cveGate: true needs installedVersions",
        "'installedVersions:\n  file: f.json\n'|/installedVersions/format|missing",
        "'installedVersions:\n  format: yum\n  file: f\n'|/installedVersions/format|invalid format 'yum'",
        "'installedVersions:\n  format: uname\n  file: f\n'|/installedVersions/format|invalid format 'uname'",
        "'installedVersions:\n  format: dpkg\n'|/installedVersions/file|exactly one of them",
        "'installedVersions:\n  format: dpkg\n  file: \"{host}\"\n  hostCommand: [ssh, \"{host}\"]\n'|/installedVersions/file|exactly one of them",
        "'installedVersions:\n  format: dpkg\n  hostCommand: [dpkg-query, -W]\n'|/installedVersions/hostCommand|expected {host}",
        "'installedVersions:\n  format: dpkg\n  file: all.txt\n'|/installedVersions/file|use format ansible",
      })
  void invalidSectionNamesTheKey(String section, String pointer, String problem)
      throws IOException {
    Path plan = folder.resolve("plan.yaml");
    Files.writeString(plan, "tool: ansible\ncveGate: true\n" + section);

    assertThatThrownBy(() -> CveGates.fromPlan(plan, runner(Map.of())))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(pointer)
        .hasMessageContaining(problem);
  }
}
