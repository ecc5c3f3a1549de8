package io.patchpipeline.engine.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The record's {@code triage} section: the policy's decisions for every unit, the people's
 * approvals, and the post-incident reviews that emergency bypasses owe.
 *
 * @param startedBy the user who started the run, when known; an approver must be someone else
 * @param changeAuthors authors of the change that triggered the run; they may not approve either
 * @param selfApproval priorities at which the policy allows those people to approve
 */
public record TriageSection(
    int schemaVersion,
    String policyName,
    String preset,
    String policySource,
    String policySha256,
    Instant decidedAt,
    Optional<String> startedBy,
    List<String> changeAuthors,
    Set<String> selfApproval,
    List<TriageDecision> decisions,
    List<Approval> approvals,
    List<PostIncidentReview> reviews) {

  public static final int SCHEMA_VERSION = 1;

  public TriageSection {
    changeAuthors = List.copyOf(changeAuthors);
    selfApproval = Set.copyOf(selfApproval);
    decisions = List.copyOf(decisions);
    approvals = List.copyOf(approvals);
    reviews = List.copyOf(reviews);
  }

  public Optional<TriageDecision> decision(String unitId) {
    return decisions.stream().filter(d -> d.unitId().equals(unitId)).findFirst();
  }

  /** Returns the ids of units approved by the policy or by a person. */
  public List<String> approvedIds() {
    Set<String> approved = approvedBy(Approval.Kind.APPROVAL);
    List<String> ids = new ArrayList<>();
    for (TriageDecision decision : decisions) {
      if (decision.outcome() == Outcome.AUTO_APPROVED || approved.contains(decision.unitId())) {
        ids.add(decision.unitId());
      }
    }
    return ids;
  }

  /** Returns the ids of units that still wait for a person. */
  public List<String> pendingIds() {
    Set<String> approved = approvedBy(Approval.Kind.APPROVAL);
    return decisions.stream()
        .filter(d -> d.outcome().isPending() && !approved.contains(d.unitId()))
        .map(TriageDecision::unitId)
        .toList();
  }

  public List<String> deferredIds() {
    return decisions.stream()
        .filter(d -> d.outcome() == Outcome.DEFERRED)
        .map(TriageDecision::unitId)
        .toList();
  }

  /** Returns the ids of emergency units whose canary skip was approved. */
  public List<String> canaryBypassIds() {
    return List.copyOf(approvedBy(Approval.Kind.EMERGENCY_BYPASS));
  }

  TriageSection withApproval(Approval approval, List<PostIncidentReview> added) {
    List<Approval> newApprovals = new ArrayList<>(approvals);
    newApprovals.add(approval);
    List<PostIncidentReview> newReviews = new ArrayList<>(reviews);
    newReviews.addAll(added);
    return with(newApprovals, newReviews);
  }

  /** Returns a copy with {@code ticket} as the ticket key of the review at {@code index}. */
  public TriageSection withReviewTicket(int index, String ticket) {
    PostIncidentReview review = reviews.get(index);
    List<PostIncidentReview> newReviews = new ArrayList<>(reviews);
    newReviews.set(
        index,
        new PostIncidentReview(
            review.unitIds(), review.approver(), review.reason(), review.requestedAt(), ticket));
    return with(approvals, newReviews);
  }

  private TriageSection with(List<Approval> newApprovals, List<PostIncidentReview> newReviews) {
    return new TriageSection(
        schemaVersion,
        policyName,
        preset,
        policySource,
        policySha256,
        decidedAt,
        startedBy,
        changeAuthors,
        selfApproval,
        decisions,
        newApprovals,
        newReviews);
  }

  private Set<String> approvedBy(Approval.Kind kind) {
    Set<String> ids = new TreeSet<>();
    approvals.stream().filter(a -> a.kind() == kind).forEach(a -> ids.addAll(a.unitIds()));
    return ids;
  }
}
