package io.patchpipeline.engine.service;

import io.patchpipeline.engine.intel.EpssScore;
import io.patchpipeline.engine.intel.KevEntry;
import io.patchpipeline.engine.policy.Policy;
import io.patchpipeline.engine.policy.PolicyDecision;
import io.patchpipeline.engine.policy.RiskFacts;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.report.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a merged finding into the record's form, with the policy decision made on all its data. */
final class RecordFindings {
  private RecordFindings() {}

  static UnitFinding toUnitFinding(
      FindingCollector.Key key, MergedFinding merged, Policy policy, Instant detected) {
    RiskFacts facts = merged.facts();
    Optional<KevEntry> kev = merged.enrichment.kev();
    PolicyDecision decision = policy.decide(facts, kev, detected);
    Finding first = merged.first;
    List<String> aliases = new ArrayList<>(merged.aliases);
    aliases.remove(first.vulnerabilityId());
    return new UnitFinding(
        key.findingId(),
        first.vulnerabilityId(),
        first.cveIds(),
        aliases,
        first.pkg().name(),
        first.pkg().ecosystem(),
        merged.purl,
        first.pkg().kind(),
        first.pkg().installedVersion(),
        Optional.ofNullable(merged.fixedVersions).map(List::copyOf),
        List.copyOf(merged.targets),
        first.target().kind().name(),
        merged.asset.id(),
        merged.asset.group(),
        merged.asset.owner(),
        merged.severity,
        merged.severitySource,
        facts.cvss(),
        List.copyOf(merged.vectors),
        merged.enrichment.epss().map(EpssScore::epss),
        merged.enrichment.epss().map(EpssScore::percentile).filter(p -> !p.isNaN()),
        facts.kev(),
        kev.flatMap(KevEntry::dueDate),
        facts.knownRansomwareUse(),
        decision.priority(),
        decision.dueDate(),
        decision.needsTicket(),
        decision.rule(),
        decision.inputs(),
        List.copyOf(merged.reports),
        List.copyOf(merged.scanners),
        first.published(),
        first.title());
  }
}
