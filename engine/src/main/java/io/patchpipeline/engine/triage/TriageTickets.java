package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.ticket.ReviewTicket;
import io.patchpipeline.engine.ticket.TicketException;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.ticket.TicketSync;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a record's triage to the units' tickets: each decision and each recorded approval as a
 * comment on the unit's ticket, and a post-incident review ticket for each approved emergency
 * bypass of the canary. Every write is idempotent over the record it returns: comments are marked
 * in the record, and a review is found by its own dedup key before one is created. A ticket system
 * that rejects a write fails that write only; the result lists it as an error and the rest go on.
 *
 * <p>NOTE: the comment marks live in the record, so a new record for the same units (the next day's
 * detection) comments its decisions again; the review tickets are still found by their key.
 */
public final class TriageTickets {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final TicketSync sync;
  private final Messages messages = new Messages();
  private PatchRecord record;
  private int commented;
  private int alreadyCommented;
  private int reviewsOpened;
  private int reviewsFound;

  private TriageTickets(TicketSync sync, PatchRecord record) {
    this.sync = sync;
    this.record = record;
  }

  /**
   * Comments the decisions and approvals of {@code record}'s triage section and opens the owed
   * post-incident reviews.
   *
   * @param name the record's file name, for errors
   * @return the record with comment marks and review ticket keys; the caller writes it
   * @throws IOException when the outbox cannot be read or written
   */
  public static TriageTicketsResult write(TicketSync sync, PatchRecord record, String name)
      throws IOException {
    TriageTickets run = new TriageTickets(sync, record);
    Optional<TriageSection> section = TriageRecords.read(record, name);
    if (section.isPresent()) {
      run.commentDecisions(section.get());
      run.commentApprovals(section.get());
      run.openReviews(section.get());
    }
    return new TriageTicketsResult(
        run.record,
        run.commented,
        run.alreadyCommented,
        run.reviewsOpened,
        run.reviewsFound,
        run.messages.list());
  }

  private void commentDecisions(TriageSection section) throws IOException {
    for (TriageDecision decision : section.decisions()) {
      comment(decision.unitId(), decisionText(decision));
    }
  }

  private void commentApprovals(TriageSection section) throws IOException {
    for (Approval approval : section.approvals()) {
      for (String unitId : approval.unitIds()) {
        Optional<TriageDecision> decision = section.decision(unitId);
        comment(unitId, approvalText(approval, decision.map(TriageDecision::ruleId)));
      }
    }
  }

  private void openReviews(TriageSection section) throws IOException {
    TriageSection current = section;
    for (int i = 0; i < current.reviews().size(); i++) {
      PostIncidentReview review = current.reviews().get(i);
      if (!review.ticket().isEmpty() || review.unitIds().isEmpty()) {
        continue;
      }
      String unitId = review.unitIds().get(0);
      Optional<ReviewTicket> ticket = openReview(review, unitId);
      if (ticket.isPresent()) {
        current = current.withReviewTicket(i, ticket.get().key());
        record = TriageRecords.write(record, current);
        comment(unitId, "Post-incident review opened: " + ticket.get().key() + ".");
      }
    }
  }

  private Optional<ReviewTicket> openReview(PostIncidentReview review, String unitId)
      throws IOException {
    try {
      Optional<ReviewTicket> ticket =
          sync.openReview(record, unitId, review.approver(), review.reason(), review.requestedAt());
      if (ticket.isPresent() && ticket.get().created()) {
        reviewsOpened++;
      } else if (ticket.isPresent()) {
        reviewsFound++;
      }
      return ticket;
    } catch (TicketException e) {
      messages.error(
          "Unit " + unitId + ": the post-incident review was not opened: " + e.getMessage());
      return Optional.empty();
    }
  }

  private void comment(String unitId, String text) throws IOException {
    if (TicketLinks.of(record).unit(unitId).isEmpty()) {
      return;
    }
    if (sync.commented(record, unitId, text)) {
      alreadyCommented++;
      return;
    }
    try {
      record = sync.commentOnce(record, unitId, text);
      commented++;
    } catch (TicketException e) {
      messages.error("Unit " + unitId + ": the triage comment was not written: " + e.getMessage());
    }
  }

  /** Returns the comment of a policy decision: outcome, rule, reason and approver group. */
  static String decisionText(TriageDecision decision) {
    String text =
        "Triage: "
            + decision.outcome()
            + " by rule "
            + decision.ruleId()
            + ". "
            + decision.reason();
    if (decision.outcome().isPending() && !decision.approvers().isEmpty()) {
      text += " Approver group: " + decision.approvers() + ".";
    }
    return text;
  }

  /** Returns the comment of a person's approval: who, how, when, on which rule, and why. */
  static String approvalText(Approval approval, Optional<String> ruleId) {
    String what =
        approval.kind() == Approval.Kind.EMERGENCY_BYPASS
            ? "Emergency bypass of the canary approved"
            : "Approved";
    String channel =
        approval.channel() == Approval.Channel.JENKINS_INPUT
            ? "the Jenkins input step"
            : "the command line";
    StringBuilder text = new StringBuilder("Approval: ");
    text.append(what).append(" by ").append(approval.approver());
    text.append(" through ").append(channel);
    text.append(" at ").append(TIME.format(approval.approvedAt()));
    ruleId.ifPresent(rule -> text.append(", on rule ").append(rule));
    text.append('.');
    if (approval.override()) {
      text.append(" Recorded as a Jenkins administrator override of separation of duties.");
    }
    if (approval.selfApproval()) {
      text.append(" The approver started the run or wrote its change; the policy allows that.");
    }
    if (!approval.reason().isEmpty()) {
      text.append(" Reason: ").append(approval.reason());
    }
    return text.toString();
  }
}
