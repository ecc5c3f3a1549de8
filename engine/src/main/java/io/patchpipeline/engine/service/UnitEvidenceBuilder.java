package io.patchpipeline.engine.service;

import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.deploy.DeploySection;
import io.patchpipeline.engine.deploy.RolloutState;
import io.patchpipeline.engine.deploy.WaveState;
import io.patchpipeline.engine.deploy.health.Sample;
import io.patchpipeline.engine.evidence.BeforeScans;
import io.patchpipeline.engine.evidence.UnitEvidence;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.triage.Approval;
import io.patchpipeline.engine.triage.TriageRecords;
import io.patchpipeline.engine.triage.TriageSection;
import io.patchpipeline.engine.verify.FindingVerification;
import io.patchpipeline.engine.verify.UnitVerdict;
import io.patchpipeline.engine.verify.VerifyResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Gathers what the record and a verification know about one unit into its evidence. */
public final class UnitEvidenceBuilder {
  private UnitEvidenceBuilder() {}

  @SuppressWarnings("unchecked")
  public static UnitEvidence build(
      PatchRecord record,
      Path recordFile,
      RemediationUnit unit,
      VerifyResult result,
      List<Path> afterScans,
      Instant at) {
    Set<String> findingIds = new HashSet<>(unit.findingIds());
    List<FindingVerification> verifications = new ArrayList<>();
    for (FindingVerification verification : result.findings()) {
      if (findingIds.contains(verification.findingId())) {
        verifications.add(verification);
      }
    }
    Optional<TriageSection> triage = TriageRecords.read(record, recordFile.toString());
    List<UnitEvidence.Decision> decisions = new ArrayList<>();
    triage
        .flatMap(section -> section.decision(unit.id()))
        .ifPresent(
            decision ->
                decisions.add(
                    new UnitEvidence.Decision(
                        unit.id(),
                        decision.outcome().name(),
                        decision.ruleId(),
                        decision.values(),
                        decision.decidedBy(),
                        decision.decidedAt())));
    triage.stream()
        .flatMap(section -> section.approvals().stream())
        .filter(approval -> approval.unitIds().contains(unit.id()))
        .forEach(approval -> decisions.add(approvalDecision(unit.id(), approval)));
    String approver =
        triage.stream()
            .flatMap(section -> section.approvals().stream())
            .filter(approval -> approval.unitIds().contains(unit.id()))
            .map(Approval::approver)
            .reduce((first, last) -> last)
            .orElse("");
    List<UnitEvidence.Ticket> tickets = new ArrayList<>();
    TicketLinks.of(record)
        .unit(unit.id())
        .ifPresent(
            link -> tickets.add(new UnitEvidence.Ticket(link.system(), link.key(), link.url())));
    Map<String, Object> unitMap = Json.mapper().convertValue(unit, Map.class);
    return new UnitEvidence(
        unit.id(),
        record.runId(),
        at,
        unitMap,
        BeforeScans.of(record, recordFile, unit),
        afterScans,
        verifications,
        decisions,
        approver,
        waves(record, unit.id()),
        tickets,
        Optional.of(sla(record, unit, result, at)));
  }

  /** Returns an approval as a decision, with its reason, channel and kind as the inputs it read. */
  private static UnitEvidence.Decision approvalDecision(String unitId, Approval approval) {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("reason", approval.reason() == null ? "" : approval.reason());
    inputs.put("channel", String.valueOf(approval.channel()));
    inputs.put("kind", String.valueOf(approval.kind()));
    inputs.put("override", String.valueOf(approval.override()));
    inputs.put("selfApproval", String.valueOf(approval.selfApproval()));
    return new UnitEvidence.Decision(
        unitId, "APPROVED", "approval", inputs, approval.approver(), approval.approvedAt());
  }

  /** Returns the waves of the record's rollout when it deployed {@code unitId}, else none. */
  private static List<UnitEvidence.Wave> waves(PatchRecord record, String unitId) {
    Optional<RolloutState> rollout =
        DeploySection.read(record)
            .map(DeploySection::rollout)
            .filter(state -> state.unitIds().contains(unitId));
    List<UnitEvidence.Wave> waves = new ArrayList<>();
    for (WaveState wave : rollout.map(RolloutState::waves).orElse(List.of())) {
      List<UnitEvidence.HealthSample> health = new ArrayList<>();
      for (Sample sample : wave.samples()) {
        health.add(
            new UnitEvidence.HealthSample(
                sample.at(),
                sample.check(),
                sample.value() == null ? sample.detail() : String.valueOf(sample.value()),
                sample.outcome() == Sample.Outcome.PASS));
      }
      String outcome =
          wave.decision() == null || wave.decision().isEmpty()
              ? wave.phase().name()
              : wave.phase().name() + ": " + wave.decision();
      waves.add(
          new UnitEvidence.Wave(
              wave.name(), wave.hosts(), outcome, wave.startedAt(), wave.finishedAt(), health));
    }
    return waves;
  }

  /**
   * Returns the unit's SLA: met when it was verified on or before its due date, breached when
   * verified after it, open while not verified.
   */
  private static UnitEvidence.Sla sla(
      PatchRecord record, RemediationUnit unit, VerifyResult result, Instant at) {
    boolean verified =
        result.units().stream()
            .filter(verdict -> verdict.unitId().equals(unit.id()))
            .anyMatch(UnitVerdict::verified);
    Optional<Instant> due = Optional.ofNullable(unit.dueDate());
    String outcome;
    if (!verified) {
      outcome = "open";
    } else if (due.isEmpty() || !at.isAfter(due.get())) {
      outcome = "met";
    } else {
      outcome = "breached";
    }
    return new UnitEvidence.Sla(
        String.valueOf(unit.priority()),
        record.createdAt(),
        due,
        verified ? Optional.of(at) : Optional.empty(),
        outcome);
  }
}
