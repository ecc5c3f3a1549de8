package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.Complexity;
import io.patchpipeline.engine.record.InputFile;
import io.patchpipeline.engine.record.IntelInfo;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.report.PackageKind;
import io.patchpipeline.engine.triage.Outcome;
import io.patchpipeline.engine.triage.TriageDecision;
import io.patchpipeline.engine.triage.TriageRecords;
import io.patchpipeline.engine.triage.TriageSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {
  @TempDir Path folder;

  private Path record(boolean approved) throws IOException {
    RemediationUnit unit =
        new RemediationUnit(
            "PP-1",
            "key",
            "web",
            "zlib",
            "debian",
            PackageKind.OS,
            "1:1.2.13.dfsg-1",
            List.of("1:1.2.11.dfsg-4"),
            List.of("CVE-2023-45853"),
            List.of("CVE-2023-45853"),
            List.of("app1", "app2"),
            List.of("app1", "app2"),
            List.of("ops"),
            Priority.P1,
            Instant.parse("2026-03-10T00:00:00Z"),
            true,
            "High",
            false,
            Optional.of(9.8),
            Optional.of(0.01),
            Complexity.values()[0],
            List.of(),
            List.of());
    PatchRecord record =
        new PatchRecord(
            PatchRecord.SCHEMA_VERSION,
            "run-1",
            Instant.parse("2026-03-01T00:00:00Z"),
            List.of(),
            IntelInfo.NONE,
            new InputFile("built-in default", "policy", "", "", "", 0),
            List.of(),
            List.of(),
            List.of(unit),
            List.of(),
            List.of(),
            Map.of());
    if (approved) {
      record = TriageRecords.write(record, policyApproved("PP-1"));
    }
    Path file = folder.resolve("record.json");
    RecordStore.write(file, record);
    return file;
  }

  /** Returns a triage section in which the policy approved {@code id}. */
  static TriageSection policyApproved(String id) {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    TriageDecision decision =
        new TriageDecision(
            id,
            "P1",
            Outcome.AUTO_APPROVED,
            "routine",
            "",
            Map.of(),
            List.of(),
            "",
            "",
            "",
            Optional.empty(),
            Optional.empty(),
            "",
            Optional.empty(),
            "",
            "built-in",
            "",
            TriageDecision.BY_POLICY,
            at);
    return new TriageSection(
        TriageSection.SCHEMA_VERSION,
        "default",
        "",
        "built-in",
        "",
        at,
        Optional.empty(),
        List.of(),
        Set.of(),
        List.of(decision),
        List.of(),
        List.of());
  }

  private Path plan(String yaml) throws IOException {
    Path file = folder.resolve("plan.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void dryRunPrintsWavesAndCommands() throws IOException {
    Path record = record(true);
    Path plan =
        plan(
            "tool: ansible\nansible:\n  playbook: patch.yml\n  inventory: hosts.ini\nserial: 1\nhold: 5m\n");

    CommandTester result =
        CommandTester.run(
            "deploy", "--record", record.toString(), "--plan", plan.toString(), "--dry-run");

    assertThat(result.exitCode).isZero();
    assertThat(result.out)
        .contains("wave 1 (canary), starts at +0s at the earliest: app1")
        .contains("hold 5m after each")
        .contains("wave 2 (canary), starts at +5m at the earliest: app2")
        .contains("--limit app2 -e @patch-vars.json");
  }

  @Test
  void unknownUnitIsNamed() throws IOException {
    Path record = record(true);
    Path plan = plan("tool: ansible\nansible:\n  playbook: patch.yml\n  inventory: hosts.ini\n");

    CommandTester result =
        CommandTester.run(
            "deploy",
            "--record",
            record.toString(),
            "--plan",
            plan.toString(),
            "--approved",
            "PP-0000000000",
            "--dry-run");

    assertThat(result.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(result.err).contains("no such unit 'PP-0000000000' in the record");
  }

  @Test
  void unapprovedUnitIsAnInputError() throws IOException {
    Path record = record(false);
    Path plan = plan("tool: ansible\nansible:\n  playbook: patch.yml\n  inventory: hosts.ini\n");

    CommandTester result =
        CommandTester.run("deploy", "--record", record.toString(), "--plan", plan.toString());

    assertThat(result.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(result.err).contains("no triage decisions in the record");
  }

  @Test
  void invalidDecisionIsRejected() throws IOException {
    CommandTester result =
        CommandTester.run(
            "deploy",
            "--record",
            record(true).toString(),
            "--plan",
            plan("tool: ansible\n").toString(),
            "--decide",
            "maybe");

    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.err).contains("expected proceed or rollback");
  }

  @Test
  void ansibleRolloutPrintsProgressPerWave() throws IOException {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/ansible-playbook")),
        "ansible-playbook is not installed; install Debian's ansible-core to run this test");
    Path record = record(true);
    Files.writeString(
        folder.resolve("hosts.ini"),
        "[web]\napp1\napp2\n[all:vars]\nansible_connection=local\nansible_python_interpreter=/usr/bin/python3\n");
    Files.writeString(
        folder.resolve("patch.yml"),
        "- hosts: all\n  gather_facts: false\n  tasks:\n"
            + "    - ansible.builtin.debug:\n        msg: '{{ patch_packages[0].name }} {{ patch_packages[0].version }}'\n");
    Path plan =
        plan("tool: ansible\nansible:\n  playbook: patch.yml\n  inventory: hosts.ini\nserial: 1\n");

    CommandTester result =
        CommandTester.run("deploy", "--record", record.toString(), "--plan", plan.toString());

    assertThat(result.exitCode).as(result.err).isZero();
    assertThat(result.err)
        .contains("patch-pipeline: wave 1: deploying to app1")
        .contains("patch-pipeline: wave 2: 1 of 1 hosts patched");
    assertThat(result.out).contains("Rollout SUCCEEDED");
    assertThat(RecordStore.read(record).stage("deploy")).isPresent();
  }

  private static final String GATE =
      "cveGate: true\ninstalledVersions:\n  format: dpkg\n"
          + "  hostCommand: [sh, -c, 'printf \"zlib 1:1.2.13.dfsg-1\\n\"', '{host}']\n";

  @Test
  void dryRunShowsGateCommentsAndChangeRequest() throws IOException {
    Path plan =
        plan(
            "tool: ansible\nansible:\n  playbook: patch.yml\n  inventory: hosts.ini\nserial: 1\n"
                + GATE
                + "changeRequest:\n  number: CHG0030001\n  states:\n    failed: '4'\n");

    CommandTester result =
        CommandTester.run(
            "deploy",
            "--record",
            record(true).toString(),
            "--plan",
            plan.toString(),
            "--dry-run",
            "--comment-tickets");

    assertThat(result.exitCode).as(result.err).isZero();
    assertThat(result.out)
        .contains("  CVE gate: run per host: sh -c 'printf \"zlib 1:1.2.13.dfsg-1\\n\"' app1")
        .contains(
            "  CVE gate: require zlib at least 1:1.2.13.dfsg-1 on every host; an unknown version"
                + " fails the gate")
        .contains("  ticket comment when it passes: \"wave 1: widened, the next wave is wave 2\"")
        .contains("ticket comments: on each deployed unit's ticket, one per wave outcome")
        .contains(
            "change request CHG0030001: state -1 (Implement) at the start, a work note per wave,"
                + " state 0 (Review) when every wave passed, state 4 on failure");
    assertThat(folder.resolve("tickets")).doesNotExist();
  }

  @Test
  void changeRequestNeedsTicketSystems() throws IOException {
    Path plan = plan("tool: ansible\nansible:\n  playbook: patch.yml\n  inventory: hosts.ini\n");

    CommandTester result =
        CommandTester.run(
            "deploy",
            "--record",
            record(true).toString(),
            "--plan",
            plan.toString(),
            "--change-request",
            "CHG0030001");

    assertThat(result.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(result.err)
        .contains("change request CHG0030001 needs a ServiceNow system")
        .contains("--tickets");
  }

  @Test
  void invalidChangeRequestIsRejected() throws IOException {
    Path plan = plan("tool: ansible\nansible:\n  playbook: patch.yml\n  inventory: hosts.ini\n");

    CommandTester result =
        CommandTester.run(
            "deploy",
            "--record",
            record(true).toString(),
            "--plan",
            plan.toString(),
            "--dry-run",
            "--change-request",
            "change 7");

    assertThat(result.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(result.err).contains("invalid change request 'change 7'");
  }

  @Test
  void rolloutCommentsWavesOnTicketsAfterGate() throws IOException {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/ansible-playbook")),
        "ansible-playbook is not installed; install Debian's ansible-core to run this test");
    Path record = record(true);
    assertThat(CommandTester.run("tickets", "sync", "--record", record.toString()).exitCode)
        .isZero();
    Files.writeString(
        folder.resolve("hosts.ini"),
        "[web]\napp1\napp2\n[all:vars]\nansible_connection=local\nansible_python_interpreter=/usr/bin/python3\n");
    Files.writeString(
        folder.resolve("patch.yml"),
        "- hosts: all\n  gather_facts: false\n  tasks:\n"
            + "    - ansible.builtin.debug:\n        msg: '{{ patch_packages[0].name }}'\n");
    Path plan =
        plan(
            "tool: ansible\nansible:\n  playbook: patch.yml\n  inventory: hosts.ini\nserial: 1\n"
                + GATE);

    CommandTester result =
        CommandTester.run(
            "deploy",
            "--record",
            record.toString(),
            "--plan",
            plan.toString(),
            "--comment-tickets");

    assertThat(result.exitCode).as(result.err).isZero();
    String ticket;
    try (var files = Files.list(folder.resolve("tickets"))) {
      Path file =
          files.filter(f -> f.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
      ticket = Files.readString(file);
    }
    assertThat(ticket)
        .contains("wave 1 (canary, 1 of 2): widened.")
        .contains("CVE gate: app1 zlib FIXED")
        .contains("wave 2 (canary, 2 of 2): succeeded.");
  }
}
