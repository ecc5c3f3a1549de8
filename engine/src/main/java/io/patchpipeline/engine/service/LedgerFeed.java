package io.patchpipeline.engine.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.deploy.DeploySection;
import io.patchpipeline.engine.deploy.RolloutState;
import io.patchpipeline.engine.deploy.Wave;
import io.patchpipeline.engine.deploy.WaveState;
import io.patchpipeline.engine.ledger.EventType;
import io.patchpipeline.engine.ledger.Ledger;
import io.patchpipeline.engine.ledger.LedgerEvent;
import io.patchpipeline.engine.ledger.LedgerUnit;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
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
import java.util.Set;

/**
 * Maps a record to the SLA ledger's lifecycle events: detected (with the SLA due date), ticketed,
 * triaged, approved, tested (a passed staging wave), deployed (a finished rollout), verified and
 * closed. Each front end calls it after a stage writes the record, so the mapping lives here once.
 * Appending is idempotent: an event type the ledger already holds for a unit is not added again.
 */
public final class LedgerFeed {
  private LedgerFeed() {}

  /**
   * Adds the record's units and every event of its stages that the ledger lacks.
   *
   * @param recordName the record's file name, used in messages about its sections
   * @return the number of events added, not counting the ledger's own DETECTED and SLA events
   */
  public static int append(Ledger ledger, PatchRecord record, String recordName) {
    return append(ledger, record, recordName, record.runId());
  }

  /**
   * Adds the record's units and events as {@link #append(Ledger, PatchRecord, String)} does, with
   * {@code runId} in place of the record's own id, such as a Jenkins build's {@code job#12}.
   */
  public static int append(Ledger ledger, PatchRecord record, String recordName, String runId) {
    for (RemediationUnit unit : record.units()) {
      ledger.recordDetected(LedgerUnit.of(unit, record.createdAt()), runId);
    }
    List<LedgerEvent> events = new ArrayList<>();
    Events feed = new Events(record, runId, events);
    feed.tickets();
    TriageRecords.read(record, recordName).ifPresent(feed::triage);
    DeploySection.read(record).ifPresent(feed::deploy);
    record.stage(VerifySection.STAGE).ifPresent(feed::verify);
    int added = 0;
    for (LedgerEvent event : events) {
      if (addOnce(ledger, event)) {
        added++;
      }
    }
    return added;
  }

  /** Collects the events of one record's stages, all attributed to one run. */
  private record Events(PatchRecord record, String runId, List<LedgerEvent> events) {
    void tickets() {
      TicketLinks links = TicketLinks.of(record);
      for (RemediationUnit unit : record.units()) {
        links
            .unit(unit.id())
            .ifPresent(
                link ->
                    events.add(
                        new LedgerEvent(
                            unit.id(),
                            EventType.TICKETED,
                            record.createdAt(),
                            runId,
                            "pipeline",
                            link.key())));
      }
    }

    void triage(TriageSection section) {
      Set<String> known = unitIds(record);
      for (TriageDecision decision : section.decisions()) {
        if (!known.contains(decision.unitId())) {
          continue;
        }
        String rule = "policy:" + decision.ruleId();
        events.add(
            event(
                decision.unitId(),
                EventType.TRIAGED,
                decision.decidedAt(),
                rule,
                decision.outcome().name()));
        if (decision.outcome() == Outcome.AUTO_APPROVED) {
          events.add(event(decision.unitId(), EventType.APPROVED, decision.decidedAt(), rule, ""));
        }
      }
      for (Approval approval : section.approvals()) {
        if (approval.kind() != Approval.Kind.APPROVAL) {
          continue;
        }
        for (String unitId : approval.unitIds()) {
          if (known.contains(unitId)) {
            events.add(
                event(
                    unitId,
                    EventType.APPROVED,
                    approval.approvedAt(),
                    approval.approver(),
                    approval.channel().name()));
          }
        }
      }
    }

    void deploy(DeploySection section) {
      RolloutState rollout = section.rollout();
      if (rollout == null) {
        return;
      }
      Set<String> known = unitIds(record);
      Optional<WaveState> staging =
          rollout.waves().stream()
              .filter(wave -> wave.kind() == Wave.Kind.STAGING)
              .filter(wave -> wave.phase() == WaveState.Phase.PASSED)
              .findFirst();
      for (String unitId : rollout.unitIds()) {
        if (!known.contains(unitId)) {
          continue;
        }
        staging.ifPresent(
            wave ->
                events.add(
                    event(
                        unitId,
                        EventType.TESTED,
                        finished(wave, rollout),
                        "pipeline",
                        wave.name())));
        if (rollout.status() == RolloutState.Status.SUCCEEDED) {
          events.add(
              event(unitId, EventType.DEPLOYED, rollout.updatedAt(), "pipeline", section.tool()));
        }
      }
    }

    private static Instant finished(WaveState wave, RolloutState rollout) {
      return wave.finishedAt() != null ? wave.finishedAt() : rollout.updatedAt();
    }

    void verify(JsonNode section) {
      Instant at = Instant.parse(section.path("verifiedAt").asText(record.createdAt().toString()));
      for (JsonNode unit : section.path("units")) {
        String unitId = unit.path("unitId").asText();
        if (!unit.path("verified").asBoolean(false) || record.unit(unitId).isEmpty()) {
          continue;
        }
        List<String> methods = new ArrayList<>();
        unit.path("methods").forEach(method -> methods.add(method.asText()));
        events.add(event(unitId, EventType.VERIFIED, at, "verify", String.join(",", methods)));
        events.add(event(unitId, EventType.CLOSED, at, "verify", ""));
      }
    }

    private LedgerEvent event(
        String unitId, EventType type, Instant at, String actor, String detail) {
      return new LedgerEvent(unitId, type, at, runId, actor, detail);
    }
  }

  private static Set<String> unitIds(PatchRecord record) {
    Set<String> ids = new java.util.HashSet<>();
    record.units().forEach(unit -> ids.add(unit.id()));
    return ids;
  }

  private static boolean addOnce(Ledger ledger, LedgerEvent event) {
    boolean known = ledger.events(event.unitId()).stream().anyMatch(e -> e.type() == event.type());
    if (!known) {
      ledger.record(event);
    }
    return !known;
  }
}
