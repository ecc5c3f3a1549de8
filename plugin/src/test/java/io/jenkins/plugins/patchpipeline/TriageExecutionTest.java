package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.TaskListener;
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
import io.patchpipeline.engine.triage.Approval;
import io.patchpipeline.engine.triage.TriageRecords;
import io.patchpipeline.engine.triage.TriageSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageExecutionTest {
  @TempDir Path buildDir;
  @TempDir Path workspace;
  private TestRun run;
  private final TestListener listener = new TestListener();

  @BeforeEach
  void detected() throws Exception {
    run = new TestRun(buildDir).startedBy(new Cause.UserIdCause("alice"));
    BuildRecords.write(run, RecordStore.toBytes(record()));
  }

  private Map<String, Object> execute(PatchTriageStep step, Set<String> admins, boolean inNode)
      throws Exception {
    TestStepContext context =
        new TestStepContext().with(Run.class, run).with(TaskListener.class, listener);
    if (inNode) {
      context.with(FilePath.class, new FilePath(workspace.toFile()));
    }
    return new TriageExecution(step, context, admins::contains).run();
  }

  private static PatchTriageStep approve(String... ids) {
    PatchTriageStep step = new PatchTriageStep();
    step.setApprove(List.of(ids));
    step.setReason("reviewed");
    return step;
  }

  private TriageSection section() throws Exception {
    return TriageRecords.read(BuildRecords.read(run), "record").orElseThrow();
  }

  @Test
  void decideReturnsPendingUnitsForApprover() throws Exception {
    Files.writeString(workspace.resolve("policy.yaml"), "triage:\n  approvers: secops\n");
    PatchTriageStep step = new PatchTriageStep();
    step.setPolicy("policy.yaml");

    Map<String, Object> value = execute(step, Set.of(), true);

    assertThat(value).containsEntry("pending", List.of("PP-p0", "PP-p2"));
    assertThat(value).containsEntry("approvers", "incident-commanders,secops");
    assertThat(value).containsEntry("needsApproval", true);
    assertThat((List<?>) value.get("pendingLines")).hasSize(2);
    assertThat(listener.text()).contains("Patch Pipeline: Triaged 2 units");
    assertThat(section().startedBy()).contains("alice");
  }

  @Test
  void decideWithWorkspaceFileOutsideNodeFails() {
    PatchTriageStep step = new PatchTriageStep();
    step.setPolicy("policy.yaml");

    assertThatThrownBy(() -> execute(step, Set.of(), false))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("inside a node block");
  }

  @Test
  void badPolicyFailsWithPosition() throws Exception {
    Files.writeString(
        workspace.resolve("policy.yaml"),
        "triage:\n  rules:\n    - id: x\n      when: \"epss <\"\n      outcome: emergency\n");
    PatchTriageStep step = new PatchTriageStep();
    step.setPolicy("policy.yaml");

    assertThatThrownBy(() -> execute(step, Set.of(), true))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("triage.rules[0] (x).when, line 1, column 7");
  }

  @Test
  void approvalTakesApproverRecordedByInput() throws Exception {
    execute(new PatchTriageStep(), Set.of(), false);
    run.addOrReplaceAction(new ApproverAction("bob"));

    Map<String, Object> value = execute(approve("PP-p2"), Set.of(), false);

    assertThat(value).containsEntry("approver", "bob");
    assertThat(value).containsEntry("pending", List.of("PP-p0"));
    assertThat(value).containsEntry("override", false);
    Approval approval = section().approvals().get(0);
    assertThat(approval.channel()).isEqualTo(Approval.Channel.JENKINS_INPUT);
    assertThat(approval.approver()).isEqualTo("bob");
    assertThat(listener.text()).contains("PP-p2 approved by bob; still waiting: PP-p0");
  }

  @Test
  void approverNamedByJenkinsfileMustMatchRecordedOne() throws Exception {
    execute(new PatchTriageStep(), Set.of(), false);
    run.addOrReplaceAction(new ApproverAction("alice"));
    PatchTriageStep step = approve("PP-p2");
    step.setApprover("bob");

    assertThatThrownBy(() -> execute(step, Set.of(), false))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("names approver 'bob', but Jenkins recorded 'alice'");
    assertThat(section().approvals()).isEmpty();
  }

  @Test
  void buildStarterCannotApproveUnlessAdministrator() throws Exception {
    execute(new PatchTriageStep(), Set.of(), false);
    run.addOrReplaceAction(new ApproverAction("alice"));

    assertThatThrownBy(() -> execute(approve("PP-p2"), Set.of(), false))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("alice started this run");

    Map<String, Object> value = execute(approve("PP-p2"), Set.of("alice"), false);

    assertThat(value).containsEntry("override", true);
    assertThat(listener.text()).contains("as an administrator override");
  }

  @Test
  void approvalWithoutInputFails() throws Exception {
    execute(new PatchTriageStep(), Set.of(), false);

    assertThatThrownBy(() -> execute(approve("PP-p2"), Set.of(), false))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("No approved input step");
  }

  @Test
  void emergencyBypassNeedsReasonAndOpensReview() throws Exception {
    execute(new PatchTriageStep(), Set.of(), false);
    run.addOrReplaceAction(new ApproverAction("bob"));
    PatchTriageStep noReason = approve("PP-p0");
    noReason.setEmergencyBypass(true);
    noReason.setReason(" ");
    PatchTriageStep withReason = approve("PP-p0");
    withReason.setEmergencyBypass(true);
    withReason.setReason("exploited in the wild");

    assertThatThrownBy(() -> execute(noReason, Set.of(), false))
        .hasMessageContaining("needs a reason");
    Map<String, Object> value = execute(withReason, Set.of(), false);

    assertThat(value).containsEntry("canaryBypass", List.of("PP-p0"));
    assertThat(section().reviews()).hasSize(1);
  }

  @Test
  void triageWithoutDetectFails() throws Exception {
    Files.delete(BuildRecords.file(run));

    assertThatThrownBy(() -> execute(new PatchTriageStep(), Set.of(), false))
        .hasMessageContaining("run patchDetect before patchTriage");
  }

  static PatchRecord record() {
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
            unit("PP-p0", Priority.P0, "f1", "CVE-2026-1", now),
            unit("PP-p2", Priority.P2, "f2", "CVE-2026-2", now)),
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
        Optional.empty(),
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
