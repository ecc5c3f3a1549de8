package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageServiceTest {
  private static final Clock CLOCK = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
  private static final String INVENTORY =
      """
      assets:
        - id: dev-1
          criticality: low
          environment: dev
          exposure: internal
          hostnames: [dev-1.example.internal]
        - id: prod
          criticality: high
          environment: prod
          exposure: internet
          globs: ["prod-*"]
      """;

  @TempDir Path dir;
  private Path record;
  private Path policy;
  private Path inventory;

  @BeforeEach
  void writeInputs() throws IOException {
    record = dir.resolve("record.json");
    RecordStore.write(
        record,
        new Fixtures()
            .unit("PP-auto", Priority.P3, "dev-1", 5.0, 0.05, KevStatus.NOT_LISTED)
            .unit("PP-prod", Priority.P2, "prod-1", 7.5, 0.3, KevStatus.NOT_LISTED)
            .unit("PP-p0", Priority.P0, "prod-1", 9.8, 0.9, KevStatus.LISTED)
            .record());
    inventory = dir.resolve("inventory.yaml");
    Files.writeString(inventory, INVENTORY, StandardCharsets.UTF_8);
    policy = dir.resolve("policy.yaml");
    Files.writeString(policy, "name: team\ntriage:\n  preset: default\n", StandardCharsets.UTF_8);
  }

  private TriageOptions.Builder options() {
    return TriageOptions.builder(record)
        .policy(policy)
        .inventory(inventory)
        .startedBy("alice")
        .changeAuthors(List.of("carol"))
        .clock(CLOCK);
  }

  @Test
  void triageWritesDecisionsIntoRecord() throws IOException {
    TriageResult result = TriageService.triage(options().build());

    PatchRecord written = RecordStore.read(record);
    TriageSection section = TriageRecords.read(written, "record.json").orElseThrow();
    assertThat(section.approvedIds()).containsExactly("PP-auto");
    assertThat(section.pendingIds()).containsExactly("PP-prod", "PP-p0");
    assertThat(section.policySha256()).isEqualTo(Hashing.sha256(policy));
    assertThat(section.startedBy()).contains("alice");
    assertThat(section.decisions()).isEqualTo(result.section().decisions());
    assertThat(result.messages().list().get(0).text())
        .isEqualTo(
            "Triaged 3 units on 2026-12-04: 1 approved automatically, 2 waiting for approval (1"
                + " emergency), 0 deferred.");
  }

  @Test
  void summaryListsWhatApproverMustSee() throws IOException {
    Map<String, Object> map = TriageService.triage(options().build()).summary().toMap();

    assertThat(map).containsEntry("approved", List.of("PP-auto"));
    assertThat(map).containsEntry("pending", List.of("PP-prod", "PP-p0"));
    assertThat(map).containsEntry("approvers", "security-team,incident-commanders");
    assertThat(map).containsEntry("emergencies", List.of("PP-p0"));
    assertThat(map).containsEntry("needsApproval", true);
    @SuppressWarnings("unchecked")
    List<String> lines = (List<String>) map.get("pendingLines");
    assertThat(lines.get(1))
        .isEqualTo(
            "PP-p0 P0 openssl -> 3.0.7: CVE-2026-PP-p0; KEV true; EPSS 0.900; assets 1 (prod-1);"
                + " rule p0-emergency; approvers incident-commanders");
  }

  @Test
  void dryRunWritesNothingAndReportsPerRule() throws IOException {
    byte[] before = Files.readAllBytes(record);

    TriageResult result = TriageService.triage(options().dryRun(true).build());

    assertThat(Files.readAllBytes(record)).isEqualTo(before);
    assertThat(result.byRule().get("low-risk-dev-test"))
        .containsEntry(Outcome.AUTO_APPROVED, List.of("PP-auto"));
    assertThat(RuleReport.lines(result.policy(), result.section().decisions()))
        .containsExactly(
            "p0-emergency: 1 emergency (PP-p0)",
            "no-fix-available: no units",
            "low-risk-dev-test: 1 auto-approve (PP-auto)",
            "no-rule-matched: 1 needs-approval (PP-prod)");
  }

  @Test
  void dryRunAgainstEarlierRecordShowsDifference() throws IOException {
    Path yesterday = dir.resolve("yesterday.json");
    RecordStore.write(
        yesterday,
        new Fixtures()
            .createdAt(Fixtures.NOW.minusSeconds(86_400))
            .unit("PP-auto", Priority.P3, "dev-1", 5.0, 0.4, KevStatus.NOT_LISTED)
            .record());

    TriageResult result = TriageService.triage(options().dryRun(true).against(yesterday).build());

    assertThat(result.diff().orElseThrow().lines())
        .containsExactly(
            "1 unit newly auto-approved (before: needs-approval) because epss fell: PP-auto",
            "2 units new since the earlier record: PP-prod, PP-p0");
  }

  @Test
  void approvalIsWrittenAndSelfApprovalRejected() throws IOException {
    TriageService.triage(options().build());
    ApprovalOptions byBob = approval("bob", List.of("PP-prod"));
    ApprovalOptions byAlice = approval("alice", List.of("PP-p0"));

    TriageService.approve(byBob);
    byte[] afterBob = Files.readAllBytes(record);

    TriageSection section =
        TriageRecords.read(RecordStore.read(record), "record.json").orElseThrow();
    assertThat(section.pendingIds()).containsExactly("PP-p0");
    assertThat(section.approvals().get(0).channel()).isEqualTo(Approval.Channel.CLI);
    assertThatThrownBy(() -> TriageService.approve(byAlice))
        .isInstanceOf(ApprovalException.class)
        .hasMessageContaining("alice started this run");
    assertThat(Files.readAllBytes(record)).isEqualTo(afterBob);
  }

  @Test
  void triageAgainDropsEarlierApprovalsWithWarning() throws IOException {
    TriageService.triage(options().build());
    TriageService.approve(approval("bob", List.of("PP-prod")));

    TriageResult again = TriageService.triage(options().build());

    assertThat(again.section().approvals()).isEmpty();
    assertThat(again.messages().list())
        .anySatisfy(m -> assertThat(m.text()).contains("1 earlier approvals were dropped"));
  }

  @Test
  void approvalWithoutTriageIsRejected() {
    assertThatThrownBy(() -> TriageService.approve(approval("bob", List.of("PP-prod"))))
        .isInstanceOf(ApprovalException.class)
        .hasMessageContaining("run triage first");
  }

  @Test
  void ssvcFileFeedsBod2604() throws IOException {
    Files.writeString(policy, "triage:\n  preset: bod-26-04\n", StandardCharsets.UTF_8);
    Path ssvc = dir.resolve("ssvc.yaml");
    Files.writeString(
        ssvc,
        "CVE-2026-PP-p0: {automatable: yes, technicalImpact: total}\n"
            + "cve-2026-pp-prod: {automatable: no, technicalImpact: partial}\n",
        StandardCharsets.UTF_8);

    TriageSection section = TriageService.triage(options().ssvc(ssvc).build()).section();

    assertThat(section.decision("PP-p0").orElseThrow().ruleId()).isEqualTo("bod-26-04-row-15");
    assertThat(section.decision("PP-prod").orElseThrow().ruleId()).isEqualTo("bod-26-04-row-2");
    assertThat(section.decision("PP-auto").orElseThrow().unknown()).contains("automatable");
  }

  private ApprovalOptions approval(String approver, List<String> units) {
    return new ApprovalOptions(
        record,
        java.util.Optional.empty(),
        units,
        approver,
        "reviewed",
        Approval.Channel.CLI,
        Approval.Kind.APPROVAL,
        false,
        java.util.Optional.empty(),
        List.of(),
        CLOCK);
  }
}
