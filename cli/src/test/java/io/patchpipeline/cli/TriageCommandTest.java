package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.Complexity;
import io.patchpipeline.engine.record.IntelInfo;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.report.PackageKind;
import io.patchpipeline.engine.triage.TriageRecords;
import io.patchpipeline.engine.triage.TriageSection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TriageCommandTest {
  @TempDir Path dir;
  private Path record;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeRecord() throws IOException {
    record = dir.resolve("record.json");
    RecordStore.write(record, record("PP-p0", Priority.P0, "PP-p2", Priority.P2));
  }

  private int run(String... args) {
    CommandLine line = PatchPipelineCommand.newCommandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    return line.execute(args);
  }

  @Test
  void triageWritesRecordAndPrintsPendingUnits() throws IOException {
    int code = run("triage", "--record", record.toString(), "--started-by", "alice");

    assertThat(code).isEqualTo(0);
    assertThat(out.toString())
        .contains("Waiting for approval by incident-commanders,security-team:")
        .contains("PP-p0 P0 openssl -> 3.0.7: CVE-2026-1; KEV true; EPSS 0.900");
    assertThat(err.toString()).contains("patch-pipeline: Triaged 2 units");
    TriageSection section = TriageRecords.read(RecordStore.read(record), "r").orElseThrow();
    assertThat(section.pendingIds()).containsExactly("PP-p0", "PP-p2");
  }

  @Test
  void dryRunAgainstEarlierRecordPrintsDiff() throws IOException {
    Path yesterday = dir.resolve("yesterday.json");
    RecordStore.write(yesterday, record("PP-p0", Priority.P1, "PP-p2", Priority.P2));
    byte[] before = Files.readAllBytes(record);

    int code =
        run(
            "triage",
            "--record",
            record.toString(),
            "--dry-run",
            "--against",
            yesterday.toString());

    assertThat(code).isEqualTo(0);
    assertThat(err.toString()).contains("patch-pipeline: dry run: Triaged 2 units");
    assertThat(Files.readAllBytes(record)).isEqualTo(before);
    assertThat(out.toString())
        .contains("Dry run: the record was not changed.")
        .contains("p0-emergency: 1 emergency (PP-p0)")
        .contains(
            "1 unit newly raised to emergency (before: needs-approval) because priority changed"
                + " from P1 to P0: PP-p0");
  }

  @Test
  void approveRecordsCliApprovalAndRejectsStarter() throws IOException {
    run("triage", "--record", record.toString(), "--started-by", "alice");

    int rejected =
        run(
            "triage",
            "approve",
            "PP-p2",
            "--record",
            record.toString(),
            "--approver",
            "alice",
            "--reason",
            "mine");
    int approved =
        run(
            "triage",
            "approve",
            "PP-p2",
            "--record",
            record.toString(),
            "--approver",
            "bob",
            "--reason",
            "reviewed the diff");

    assertThat(rejected).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(err.toString()).contains("alice started this run");
    assertThat(approved).isEqualTo(0);
    assertThat(out.toString()).contains("Approved PP-p2 by bob. Still waiting: PP-p0");
    TriageSection section = TriageRecords.read(RecordStore.read(record), "r").orElseThrow();
    assertThat(section.approvals()).hasSize(1);
    assertThat(section.approvals().get(0).channel().name()).isEqualTo("CLI");
  }

  @Test
  void bypassOfPendingUnitSaysApprovalIsStillNeeded() throws IOException {
    assertThat(run("triage", "--record", record.toString(), "--started-by", "alice")).isZero();

    int code =
        run(
            "triage",
            "approve",
            "PP-p0",
            "--record",
            record.toString(),
            "--approver",
            "bob",
            "--reason",
            "exploited in the wild",
            "--emergency-bypass");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("PP-p0 still needs an approval (triage approve without --emergency-bypass)");
  }

  @Test
  void unknownFormatIsRejected() {
    int code = run("triage", "--record", record.toString(), "--format", "yaml");

    assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(err.toString()).contains("Invalid value for --format: 'yaml'");
  }

  @Test
  void emergencyBypassOpensReviewTicketOnce() throws IOException {
    assertThat(run("tickets", "sync", "--record", record.toString())).isZero();
    assertThat(run("triage", "--record", record.toString(), "--comment-tickets")).isZero();
    String[] bypass = {
      "triage",
      "approve",
      "PP-p0",
      "--record",
      record.toString(),
      "--approver",
      "carol",
      "--reason",
      "exploited now",
      "--emergency-bypass",
      "--comment-tickets"
    };

    int first = run(bypass);
    int again = run(bypass);

    assertThat(first).isZero();
    assertThat(again).isZero();
    assertThat(out.toString())
        .contains("Triage on tickets in local: 2 comments written, 0 already written")
        .contains("1 post-incident review opened, 0 found from an earlier run")
        .contains("0 post-incident reviews opened, 1 found from an earlier run");
    try (var files = Files.list(dir.resolve("tickets"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".json")).count()).isEqualTo(3);
    }
    TriageSection section = TriageRecords.read(RecordStore.read(record), "r").orElseThrow();
    assertThat(section.reviews()).extracting(r -> r.ticket()).containsExactly("PP-3", "PP-3");
  }

  @Test
  void jsonFormatPrintsSummaryMap() {
    int code = run("triage", "--record", record.toString(), "--format", "json", "--dry-run");

    assertThat(code).isEqualTo(0);
    assertThat(out.toString()).contains("\"pending\" : [ \"PP-p0\", \"PP-p2\" ]");
  }

  @Test
  void malformedPolicyIsInputError() throws IOException {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(
        policy,
        "triage:\n  rules:\n    - id: bad\n      when: \"cvss <\"\n      outcome: emergency\n");

    int code = run("triage", "--record", record.toString(), "--policy", policy.toString());

    assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(err.toString()).contains("triage.rules[0] (bad).when, line 1, column 7");
  }

  private static PatchRecord record(
      String firstId, Priority first, String secondId, Priority second) {
    Instant now = Instant.parse("2026-12-04T10:00:00Z");
    return new PatchRecord(
        PatchRecord.SCHEMA_VERSION,
        "run",
        now,
        List.of(),
        IntelInfo.NONE,
        null,
        List.of(finding("f1", "CVE-2026-1", now), finding("f2", "CVE-2026-2", now)),
        List.of(),
        List.of(
            unit(firstId, first, "f1", "CVE-2026-1", now),
            unit(secondId, second, "f2", "CVE-2026-2", now)),
        List.of(),
        List.of(),
        Map.of());
  }

  private static UnitFinding finding(String id, String cve, Instant now) {
    return new UnitFinding(
        id,
        cve,
        List.of(cve),
        List.of(),
        "openssl",
        "debian",
        "",
        PackageKind.OS,
        "3.0.2",
        Optional.of(List.of("3.0.7")),
        List.of("web-1"),
        "HOST",
        "web-1",
        "web",
        "team",
        Severity.HIGH,
        "nvd",
        Optional.of(7.5),
        List.of(),
        Optional.of(0.9),
        Optional.of(0.99),
        KevStatus.LISTED,
        Optional.of(LocalDate.parse("2026-12-20")),
        false,
        Priority.P1,
        now,
        true,
        "kev-listed",
        Map.of(),
        List.of("trivy.json"),
        List.of("trivy"),
        Optional.empty(),
        "flaw");
  }

  private static RemediationUnit unit(
      String id, Priority priority, String findingId, String cve, Instant now) {
    return new RemediationUnit(
        id,
        "key-" + id,
        "web",
        "openssl",
        "debian",
        PackageKind.OS,
        "3.0.7",
        List.of("3.0.2"),
        List.of(cve),
        List.of(cve),
        List.of("web-1"),
        List.of("web-1"),
        List.of("team"),
        priority,
        now,
        true,
        "High",
        true,
        Optional.of(7.5),
        Optional.of(0.9),
        Complexity.LOW,
        List.of(),
        List.of(findingId));
  }
}
