package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApprovalsTest {
  private TriageSection section;

  @BeforeEach
  void decide() {
    Fixtures fixtures =
        new Fixtures()
            .asset(Fixtures.asset("dev-1", "low", "dev", "internal"))
            .asset(Fixtures.asset("prod-1", "high", "prod", "internet"))
            .unit("PP-auto", Priority.P3, "dev-1", 5.0, 0.05, KevStatus.NOT_LISTED)
            .unit("PP-prod", Priority.P2, "prod-1", 7.5, 0.3, KevStatus.NOT_LISTED)
            .unit("PP-p0", Priority.P0, "prod-1", 9.8, 0.9, KevStatus.LISTED);
    section =
        new Triage(TriagePolicies.preset("default"), fixtures.assets(), SsvcInputs.NONE)
            .decide(fixtures.record(), Fixtures.NOW, Optional.of("alice"), List.of("carol"))
            .section();
  }

  private static ApprovalRequest request(
      String approver, Approval.Kind kind, boolean admin, String reason, String... ids) {
    return new ApprovalRequest(
        List.of(ids),
        approver,
        reason,
        Approval.Channel.JENKINS_INPUT,
        kind,
        admin,
        Optional.empty(),
        List.of(),
        Fixtures.NOW.plusSeconds(600));
  }

  @Test
  void pendingUnitsBeforeApproval() {
    assertThat(section.approvedIds()).containsExactly("PP-auto");
    assertThat(section.pendingIds()).containsExactly("PP-prod", "PP-p0");
  }

  @Test
  void approvalMovesUnitsToApproved() {
    TriageSection approved =
        Approvals.approve(
            section, request("bob", Approval.Kind.APPROVAL, false, "looks fine", "PP-prod"), "r");

    assertThat(approved.approvedIds()).containsExactly("PP-auto", "PP-prod");
    assertThat(approved.pendingIds()).containsExactly("PP-p0");
    Approval approval = approved.approvals().get(0);
    assertThat(approval.approver()).isEqualTo("bob");
    assertThat(approval.channel()).isEqualTo(Approval.Channel.JENKINS_INPUT);
    assertThat(approval.override()).isFalse();
    assertThat(approval.reason()).isEqualTo("looks fine");
  }

  @Test
  void buildStarterCannotApprove() {
    assertThatThrownBy(
            () ->
                Approvals.approve(
                    section, request("alice", Approval.Kind.APPROVAL, false, "", "PP-prod"), "r"))
        .isInstanceOf(ApprovalException.class)
        .hasMessageContaining("unit PP-prod: alice started this run");
  }

  @Test
  void changeAuthorCannotApprove() {
    assertThatThrownBy(
            () ->
                Approvals.approve(
                    section, request("carol", Approval.Kind.APPROVAL, false, "", "PP-prod"), "r"))
        .hasMessageContaining("carol wrote the change that triggered this run");
  }

  @Test
  void administratorSelfApprovalIsRecordedAsOverride() {
    TriageSection approved =
        Approvals.approve(
            section, request("alice", Approval.Kind.APPROVAL, true, "weekend", "PP-prod"), "r");

    assertThat(approved.approvals().get(0).override()).isTrue();
    assertThat(approved.pendingIds()).containsExactly("PP-p0");
  }

  @Test
  void rejectedRequestRecordsNothing() {
    assertThatThrownBy(
            () ->
                Approvals.approve(
                    section,
                    request("alice", Approval.Kind.APPROVAL, false, "", "PP-prod", "PP-p0"),
                    "r"))
        .isInstanceOf(ApprovalException.class);
    assertThat(section.approvals()).isEmpty();
  }

  @Test
  void unitThatDoesNotWaitCannotBeApproved() {
    assertThatThrownBy(
            () ->
                Approvals.approve(
                    section, request("bob", Approval.Kind.APPROVAL, false, "", "PP-auto"), "r"))
        .hasMessageContaining("PP-auto does not wait for approval (outcome auto-approve)");
    assertThatThrownBy(
            () ->
                Approvals.approve(
                    section, request("bob", Approval.Kind.APPROVAL, false, "", "PP-nope"), "r"))
        .hasMessageContaining("unit PP-nope not found");
    assertThatThrownBy(
            () ->
                Approvals.approve(section, request("bob", Approval.Kind.APPROVAL, false, ""), "r"))
        .hasMessageContaining("no unit ids given");
  }

  @Test
  void secondApprovalOfSameUnitIsRejected() {
    TriageSection once =
        Approvals.approve(
            section, request("bob", Approval.Kind.APPROVAL, false, "", "PP-prod"), "r");

    assertThatThrownBy(
            () ->
                Approvals.approve(
                    once, request("dave", Approval.Kind.APPROVAL, false, "", "PP-prod"), "r"))
        .hasMessageContaining("already approved");
  }

  @Test
  void emergencyBypassNeedsReason() {
    assertThatThrownBy(
            () ->
                Approvals.approve(
                    section,
                    request("bob", Approval.Kind.EMERGENCY_BYPASS, false, " ", "PP-p0"),
                    "r"))
        .hasMessageContaining("needs a reason");
  }

  @Test
  void emergencyBypassOpensPostIncidentReview() {
    TriageSection bypassed =
        Approvals.approve(
            section,
            request("bob", Approval.Kind.EMERGENCY_BYPASS, false, "active exploitation", "PP-p0"),
            "r");

    assertThat(bypassed.canaryBypassIds()).containsExactly("PP-p0");
    assertThat(bypassed.pendingIds()).contains("PP-p0");
    assertThat(bypassed.reviews()).hasSize(1);
    PostIncidentReview review = bypassed.reviews().get(0);
    assertThat(review.unitIds()).containsExactly("PP-p0");
    assertThat(review.reason()).isEqualTo("active exploitation");
    assertThat(review.approver()).isEqualTo("bob");
  }

  @Test
  void emergencyBypassOnlyForEmergencies() {
    assertThatThrownBy(
            () ->
                Approvals.approve(
                    section,
                    request("bob", Approval.Kind.EMERGENCY_BYPASS, false, "urgent", "PP-prod"),
                    "r"))
        .hasMessageContaining("not an emergency");
  }

  @Test
  void emergencyBypassIgnoresSelfApprovalPolicy() {
    TriageSection lenient =
        new TriageSection(
            section.schemaVersion(),
            section.policyName(),
            section.preset(),
            section.policySource(),
            section.policySha256(),
            section.decidedAt(),
            section.startedBy(),
            section.changeAuthors(),
            java.util.Set.of("P0", "P2"),
            section.decisions(),
            List.of(),
            List.of());

    assertThat(
            Approvals.approve(
                    lenient, request("alice", Approval.Kind.APPROVAL, false, "", "PP-p0"), "r")
                .approvals()
                .get(0)
                .selfApproval())
        .isTrue();
    assertThatThrownBy(
            () ->
                Approvals.approve(
                    lenient,
                    request("alice", Approval.Kind.EMERGENCY_BYPASS, false, "urgent", "PP-p0"),
                    "r"))
        .hasMessageContaining("alice started this run");
  }
}
