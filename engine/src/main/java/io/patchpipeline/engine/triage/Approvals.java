package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.policy.Priority;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Records people's approvals in a triage section after checking that each unit waits for one and
 * that separation of duties allows the approver. A request is recorded whole or not at all.
 */
public final class Approvals {
  private Approvals() {}

  /**
   * Returns {@code section} with the approval added.
   *
   * @throws ApprovalException naming the unit and the reason when any unit cannot be approved
   */
  public static TriageSection approve(TriageSection section, ApprovalRequest request, String name) {
    if (request.unitIds().isEmpty()) {
      throw new ApprovalException(name, "no unit ids given; expected at least one pending unit");
    }
    boolean bypass = request.kind() == Approval.Kind.EMERGENCY_BYPASS;
    String reason = request.reason() == null ? "" : request.reason().trim();
    if (bypass && reason.isEmpty()) {
      throw new ApprovalException(
          name, "an emergency bypass of the canary needs a reason; give one with the approval");
    }
    Optional<String> startedBy = request.startedBy().or(section::startedBy);
    List<String> authors =
        request.changeAuthors().isEmpty() ? section.changeAuthors() : request.changeAuthors();
    Set<Priority> selfApproval = bypass ? Set.of() : selfApproval(section);
    boolean override = false;
    boolean self = false;
    List<String> pending = section.pendingIds();
    for (String unitId : request.unitIds()) {
      TriageDecision decision = decisionOf(section, unitId, name);
      checkState(decision, pending, bypass, name);
      SeparationOfDuties.Verdict verdict =
          SeparationOfDuties.check(
              new SeparationOfDuties.Request(
                  request.approver(),
                  startedBy,
                  authors,
                  request.administrator(),
                  Priority.parse(decision.priority()),
                  selfApproval));
      if (!verdict.allowed()) {
        throw new ApprovalException(name, "unit " + unitId + ": " + verdict.reason());
      }
      override |= verdict.result() == SeparationOfDuties.Result.OVERRIDE;
      self |= verdict.result() == SeparationOfDuties.Result.SELF_APPROVAL_ALLOWED;
    }
    Approval approval =
        new Approval(
            request.unitIds(),
            request.approver().trim(),
            reason,
            request.channel(),
            request.kind(),
            override,
            self,
            request.at());
    // The review tickets are opened by TriageTickets, which stores each key in its review.
    List<PostIncidentReview> reviews = new ArrayList<>();
    if (bypass) {
      for (String unitId : request.unitIds()) {
        reviews.add(
            new PostIncidentReview(List.of(unitId), approval.approver(), reason, request.at(), ""));
      }
    }
    return section.withApproval(approval, reviews);
  }

  private static TriageDecision decisionOf(TriageSection section, String unitId, String name) {
    return section
        .decision(unitId)
        .orElseThrow(
            () ->
                new ApprovalException(
                    name,
                    "unit " + unitId + " not found in the triage decisions; run triage first"));
  }

  private static void checkState(
      TriageDecision decision, List<String> pending, boolean bypass, String name) {
    String unitId = decision.unitId();
    if (bypass && decision.outcome() != Outcome.EMERGENCY) {
      throw new ApprovalException(
          name,
          "unit "
              + unitId
              + " is "
              + decision.outcome().policyName()
              + ", not an emergency; only an emergency may skip the canary");
    }
    if (!bypass && !pending.contains(unitId)) {
      throw new ApprovalException(
          name,
          "unit "
              + unitId
              + " does not wait for approval (outcome "
              + decision.outcome().policyName()
              + (decision.outcome().isPending() ? ", already approved" : "")
              + ")");
    }
  }

  private static Set<Priority> selfApproval(TriageSection section) {
    Set<Priority> result = EnumSet.noneOf(Priority.class);
    new ArrayList<>(section.selfApproval()).forEach(p -> result.add(Priority.parse(p)));
    return result;
  }
}
