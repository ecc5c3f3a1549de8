package io.patchpipeline.engine.service;

import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.evidence.UnitEvidence;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.triage.Approval;
import io.patchpipeline.engine.triage.TriageRecords;
import io.patchpipeline.engine.triage.TriageSection;
import io.patchpipeline.engine.verify.FindingVerification;
import io.patchpipeline.engine.verify.VerifyResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
      String recordName,
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
    Optional<TriageSection> triage = TriageRecords.read(record, recordName);
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
    // TODO: add the report files the record names as before-scans once the record keeps their
    // paths.
    return new UnitEvidence(
        unit.id(),
        record.runId(),
        at,
        unitMap,
        List.of(),
        afterScans,
        verifications,
        decisions,
        approver,
        List.of(),
        tickets,
        Optional.empty());
  }
}
