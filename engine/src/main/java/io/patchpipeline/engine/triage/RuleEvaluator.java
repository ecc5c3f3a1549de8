package io.patchpipeline.engine.triage;

import dev.cel.runtime.CelEvaluationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a triage policy's rules, in order, to the facts of one unit on one asset.
 *
 * <p>Unknown values are left out of the CEL activation, so CEL returns an unknown result instead of
 * a bool when the outcome depends on one. Such a rule sends the unit to a person. An auto-approve
 * rule is stricter: it sends the unit to a person as soon as it reads an unknown value, even where
 * CEL could decide without it, because an unknown value must never satisfy an automatic approval.
 */
final class RuleEvaluator {
  private final TriagePolicy policy;

  RuleEvaluator(TriagePolicy policy) {
    this.policy = policy;
  }

  Verdict evaluate(UnitFacts facts) {
    for (CompiledRule rule : policy.rules()) {
      List<String> unknownReads = rule.reads().stream().filter(facts::isUnknown).sorted().toList();
      if (rule.outcome() == Outcome.AUTO_APPROVED && !unknownReads.isEmpty()) {
        return unknown(rule, facts, unknownReads);
      }
      Object result;
      try {
        result = rule.program().eval(facts.values());
      } catch (CelEvaluationException e) {
        return failed(rule, facts, e);
      }
      if (Boolean.TRUE.equals(result)) {
        return matched(rule, facts);
      }
      if (!Boolean.FALSE.equals(result)) {
        return unknown(rule, facts, unknownReads);
      }
    }
    return new Verdict(
        Outcome.NEEDS_APPROVAL,
        Optional.empty(),
        policy.approvers(),
        Map.of(),
        List.of(),
        "No rule decides this unit, so a person of " + policy.approvers() + " must approve it.",
        facts);
  }

  private Verdict matched(CompiledRule rule, UnitFacts facts) {
    String approvers = rule.outcome().isPending() ? approversOf(rule) : "";
    String reason = rule.reason().isEmpty() ? "Rule " + rule.id() + " matched." : rule.reason();
    return new Verdict(
        rule.outcome(), Optional.of(rule), approvers, read(rule, facts), List.of(), reason, facts);
  }

  private Verdict unknown(CompiledRule rule, UnitFacts facts, List<String> unknownReads) {
    String reason =
        "Rule "
            + rule.id()
            + " reads "
            + String.join(", ", unknownReads)
            + (unknownReads.size() == 1 ? ", which is unknown" : ", which are unknown")
            + "; an unknown value needs a person's approval.";
    return new Verdict(
        Outcome.NEEDS_APPROVAL,
        Optional.of(rule),
        approversOf(rule),
        read(rule, facts),
        unknownReads,
        reason,
        facts);
  }

  private Verdict failed(CompiledRule rule, UnitFacts facts, CelEvaluationException e) {
    return new Verdict(
        Outcome.NEEDS_APPROVAL,
        Optional.of(rule),
        approversOf(rule),
        read(rule, facts),
        List.of(),
        "Rule " + rule.id() + " failed to evaluate (" + e.getMessage() + "); a person must decide.",
        facts);
  }

  private String approversOf(CompiledRule rule) {
    return rule.approvers().isEmpty() ? policy.approvers() : rule.approvers();
  }

  private static Map<String, String> read(CompiledRule rule, UnitFacts facts) {
    Map<String, String> values = new LinkedHashMap<>();
    rule.reads().stream().sorted().forEach(name -> values.put(name, facts.display(name)));
    return values;
  }
}
