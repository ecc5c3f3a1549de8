package io.patchpipeline.engine.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.deploy.DeploySection;
import io.patchpipeline.engine.deploy.RolloutState;
import io.patchpipeline.engine.deploy.WaveState;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.ticket.TicketLink;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.triage.Approval;
import io.patchpipeline.engine.triage.Outcome;
import io.patchpipeline.engine.triage.TriageDecision;
import io.patchpipeline.engine.triage.TriageRecords;
import io.patchpipeline.engine.triage.TriageSection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a record's sections to ledger events: {@code detect} to DETECTED and SLA_DUE, {@code
 * tickets} to TICKETED, {@code triage} to TRIAGED and APPROVED, {@code deploy} to TESTED and
 * DEPLOYED, {@code verify} to VERIFIED and CLOSED (which settles SLA_MET or SLA_BREACHED). Every
 * stage of the CLI and of Jenkins calls {@link #append} after it wrote the record; it appends only
 * the events the ledger lacks, so running a stage again adds nothing.
 */
public final class LedgerFeed {
  private LedgerFeed() {}

  /**
   * Appends the events of every section {@code record} has; returns how many events were new.
   *
   * @param recordName the record's file name, for messages about an invalid section
   */
  public static int append(Ledger ledger, PatchRecord record, String recordName) {
    return append(ledger, record, recordName, record.runId());
  }

  /**
   * Appends the events as {@link #append(Ledger, PatchRecord, String)} does, with {@code runId} in
   * place of the record's own id, such as a Jenkins build's {@code job#12}.
   */
  public static int append(Ledger ledger, PatchRecord record, String recordName, String runId) {
    int added = 0;
    for (RemediationUnit unit : record.units()) {
      added += ledger.recordDetected(LedgerUnit.of(unit, record.createdAt()), runId);
    }
    for (LedgerEvent event : events(record, recordName)) {
      LedgerEvent ofRun =
          new LedgerEvent(
              event.unitId(),
              event.type(),
              event.occurredAt(),
              runId,
              event.actor(),
              event.detail());
      if (ledger.recordOnce(ofRun)) {
        added++;
      }
    }
    return added;
  }

  /** Returns the events of the record's later stages, in stage order. */
  static List<LedgerEvent> events(PatchRecord record, String recordName) {
    List<LedgerEvent> events = new ArrayList<>();
    tickets(record, events);
    TriageRecords.read(record, recordName).ifPresent(section -> triage(record, section, events));
    DeploySection.read(record).ifPresent(section -> deploy(record, section, events));
    record.stage("verify").ifPresent(section -> verify(record, section, events));
    return events;
  }

  private static void tickets(PatchRecord record, List<LedgerEvent> events) {
    TicketLinks links = TicketLinks.of(record);
    for (RemediationUnit unit : record.units()) {
      Optional<TicketLink> link = links.unit(unit.id());
      if (link.isPresent()) {
        Instant at = link.get().syncedAt() == null ? record.createdAt() : link.get().syncedAt();
        events.add(
            new LedgerEvent(
                unit.id(),
                EventType.TICKETED,
                at,
                record.runId(),
                "pipeline",
                link.get().system() + " " + link.get().key()));
      }
    }
  }

  private static void triage(PatchRecord record, TriageSection section, List<LedgerEvent> events) {
    for (TriageDecision decision : section.decisions()) {
      if (record.unit(decision.unitId()).isEmpty()) {
        continue;
      }
      events.add(
          new LedgerEvent(
              decision.unitId(),
              EventType.TRIAGED,
              decision.decidedAt(),
              record.runId(),
              "policy " + decision.ruleId(),
              decision.outcome().name()));
      if (decision.outcome() == Outcome.AUTO_APPROVED) {
        events.add(
            new LedgerEvent(
                decision.unitId(),
                EventType.APPROVED,
                decision.decidedAt(),
                record.runId(),
                "policy " + decision.ruleId(),
                "auto-approved"));
      }
    }
    for (Approval approval : section.approvals()) {
      if (approval.kind() != Approval.Kind.APPROVAL) {
        continue;
      }
      for (String unitId : approval.unitIds()) {
        if (record.unit(unitId).isPresent()) {
          events.add(
              new LedgerEvent(
                  unitId,
                  EventType.APPROVED,
                  approval.approvedAt(),
                  record.runId(),
                  approval.approver(),
                  "approved through " + approval.channel().name()));
        }
      }
    }
  }

  private static void deploy(PatchRecord record, DeploySection section, List<LedgerEvent> events) {
    RolloutState rollout = section.rollout();
    Optional<WaveState> tested =
        rollout.waves().stream()
            .filter(wave -> wave.phase() == WaveState.Phase.PASSED && wave.finishedAt() != null)
            .findFirst();
    for (String unitId : rollout.unitIds()) {
      if (record.unit(unitId).isEmpty()) {
        continue;
      }
      tested.ifPresent(
          wave ->
              events.add(
                  new LedgerEvent(
                      unitId,
                      EventType.TESTED,
                      wave.finishedAt(),
                      record.runId(),
                      "pipeline",
                      "wave " + wave.name() + " passed")));
      if (rollout.status() == RolloutState.Status.SUCCEEDED) {
        events.add(
            new LedgerEvent(
                unitId,
                EventType.DEPLOYED,
                rollout.updatedAt(),
                record.runId(),
                "pipeline",
                "plan " + section.plan()));
      }
    }
  }

  private static void verify(PatchRecord record, JsonNode section, List<LedgerEvent> events) {
    Instant at = Instant.parse(section.path("verifiedAt").asText(record.createdAt().toString()));
    for (JsonNode unit : section.path("units")) {
      String unitId = unit.path("unitId").asText();
      if (!unit.path("verified").asBoolean(false) || record.unit(unitId).isEmpty()) {
        continue;
      }
      List<String> methods = new ArrayList<>();
      unit.path("methods").forEach(method -> methods.add(method.asText()));
      events.add(
          new LedgerEvent(
              unitId,
              EventType.VERIFIED,
              at,
              record.runId(),
              "verify",
              String.join(", ", methods)));
      events.add(new LedgerEvent(unitId, EventType.CLOSED, at, record.runId(), "verify", ""));
    }
  }
}
