package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.IntelInfo;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.record.UnitFinding;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides every unit of a record under a triage policy. A unit on several assets is evaluated on
 * each, and the most restrictive outcome wins, so that one production asset keeps a unit from being
 * approved automatically for all of them.
 */
public final class Triage {
  private final TriagePolicy policy;
  private final AssetLookup assets;
  private final SsvcInputs ssvc;

  public Triage(TriagePolicy policy, AssetLookup assets, SsvcInputs ssvc) {
    this.policy = policy;
    this.assets = assets;
    this.ssvc = ssvc;
  }

  /** The decisions of one run, with the verdict behind each for reports and diffs. */
  public record Run(TriageSection section, Map<String, Verdict> verdicts) {
    public Run {
      verdicts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
    }
  }

  /**
   * Decides every unit of {@code record} at {@code now}.
   *
   * @param startedBy the user who started the run, when known
   * @param changeAuthors authors of the change that triggered the run
   */
  public Run decide(
      PatchRecord record, Instant now, Optional<String> startedBy, List<String> changeAuthors) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    FactsBuilder facts = new FactsBuilder(record, assets, ssvc, today);
    Map<String, UnitFinding> findings = new LinkedHashMap<>();
    record.findings().forEach(f -> findings.put(f.id(), f));
    RuleEvaluator evaluator = new RuleEvaluator(policy);
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    List<TriageDecision> decisions = new ArrayList<>();
    for (RemediationUnit unit : record.units()) {
      Verdict verdict =
          mostRestrictive(facts.build(unit).stream().map(evaluator::evaluate).toList());
      verdicts.put(unit.id(), verdict);
      decisions.add(decision(record.intel(), findings, unit, verdict, now));
    }
    Set<String> selfApproval = new TreeSet<>();
    policy.selfApproval().stream().map(Priority::name).forEach(selfApproval::add);
    TriageSection section =
        new TriageSection(
            TriageSection.SCHEMA_VERSION,
            policy.name(),
            policy.preset(),
            policy.source(),
            policy.sha256(),
            now,
            startedBy,
            changeAuthors,
            selfApproval,
            decisions,
            List.of(),
            List.of());
    return new Run(section, verdicts);
  }

  /** Returns the first verdict of the most restrictive outcome. */
  static Verdict mostRestrictive(List<Verdict> verdicts) {
    Verdict worst = verdicts.get(0);
    for (Verdict verdict : verdicts) {
      if (verdict.outcome().compareTo(worst.outcome()) > 0) {
        worst = verdict;
      }
    }
    return worst;
  }

  private TriageDecision decision(
      IntelInfo recordIntel,
      Map<String, UnitFinding> findings,
      RemediationUnit unit,
      Verdict verdict,
      Instant now) {
    IntelInfo intel = recordIntel == null ? IntelInfo.NONE : recordIntel;
    Optional<CompiledRule> rule = verdict.rule();
    boolean ruleDecided =
        verdict.unknown().isEmpty()
            && rule.isPresent()
            && rule.get().outcome() == verdict.outcome();
    Optional<LocalDate> review =
        verdict.outcome() == Outcome.DEFERRED
            ? rule.flatMap(CompiledRule::review)
                .map(d -> LocalDate.ofInstant(now.plus(d), ZoneOffset.UTC))
            : Optional.empty();
    Optional<Instant> due =
        ruleDecided ? dueDate(rule.get(), findings, unit, now) : Optional.empty();
    return new TriageDecision(
        unit.id(),
        unit.priority().name(),
        verdict.outcome(),
        verdict.ruleId(),
        rule.map(CompiledRule::text).orElse(""),
        verdict.values(),
        verdict.unknown(),
        verdict.reason(),
        verdict.approvers(),
        verdict.facts().assetId(),
        review,
        due,
        intel.epssModelVersion(),
        intel.epssScoreDate(),
        intel.kevCatalogVersion(),
        policy.source(),
        policy.sha256(),
        TriageDecision.BY_POLICY,
        now);
  }

  private static Optional<Instant> dueDate(
      CompiledRule rule, Map<String, UnitFinding> findings, RemediationUnit unit, Instant now) {
    if (!rule.dueAtKevDate()) {
      return rule.due().map(now::plus);
    }
    return unit.findingIds().stream()
        .map(findings::get)
        .filter(java.util.Objects::nonNull)
        .map(UnitFinding::kevDueDate)
        .flatMap(Optional::stream)
        .min(LocalDate::compareTo)
        .map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1));
  }
}
