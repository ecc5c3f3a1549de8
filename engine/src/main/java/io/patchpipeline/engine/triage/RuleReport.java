package io.patchpipeline.engine.triage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table of the units each rule approved, deferred or sent to a person, which is the dry run's main
 * output.
 */
public final class RuleReport {
  private RuleReport() {}

  /** Returns, per rule id in policy order, the unit ids per outcome. */
  public static Map<String, Map<Outcome, List<String>>> byRule(
      TriagePolicy policy, List<TriageDecision> decisions) {
    Map<String, Map<Outcome, List<String>>> table = new LinkedHashMap<>();
    policy.rules().forEach(rule -> table.put(rule.id(), new EnumMap<>(Outcome.class)));
    table.put(TriagePolicy.NO_RULE, new EnumMap<>(Outcome.class));
    for (TriageDecision decision : decisions) {
      table
          .computeIfAbsent(decision.ruleId(), id -> new EnumMap<>(Outcome.class))
          .computeIfAbsent(decision.outcome(), o -> new ArrayList<>())
          .add(decision.unitId());
    }
    return table;
  }

  /** Returns one line per rule, such as {@code low-risk: 4 auto-approve (PP-1, ...)}. */
  public static List<String> lines(TriagePolicy policy, List<TriageDecision> decisions) {
    List<String> lines = new ArrayList<>();
    byRule(policy, decisions)
        .forEach(
            (rule, outcomes) -> {
              if (outcomes.isEmpty()) {
                lines.add(rule + ": no units");
                return;
              }
              List<String> parts = new ArrayList<>();
              outcomes.forEach(
                  (outcome, ids) ->
                      parts.add(
                          ids.size() + " " + outcome.policyName() + " (" + shortList(ids) + ")"));
              lines.add(rule + ": " + String.join(", ", parts));
            });
    return lines;
  }

  private static String shortList(List<String> ids) {
    int shown = Math.min(10, ids.size());
    String text = String.join(", ", ids.subList(0, shown));
    return ids.size() > shown ? text + ", and " + (ids.size() - shown) + " more" : text;
  }
}
