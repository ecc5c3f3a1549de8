package io.patchpipeline.engine.triage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the policy decided one unit on one asset.
 *
 * @param rule the deciding rule; empty when no rule matched
 * @param values the values the rule read, {@code unknown} for an unknown one
 * @param unknown the unknown values that sent the unit to a person
 */
record Verdict(
    Outcome outcome,
    Optional<CompiledRule> rule,
    String approvers,
    Map<String, String> values,
    List<String> unknown,
    String reason,
    UnitFacts facts) {

  String ruleId() {
    return rule.map(CompiledRule::id).orElse(TriagePolicy.NO_RULE);
  }
}
