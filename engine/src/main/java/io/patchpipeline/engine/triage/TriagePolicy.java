package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.policy.Priority;
import java.util.List;
import java.util.Set;

/**
 * The validated triage part of a policy.
 *
 * @param preset the triage preset the rules came from, or {@code custom} when the file sets rules
 * @param approvers the approver group of a needs-approval decision whose rule names none, and of a
 *     unit that no rule decides
 * @param selfApproval priorities at which the person who started the run, or who wrote the change
 *     that triggered it, may approve their own units
 * @param source the policy file name, or {@code built-in}
 * @param sha256 the SHA-256 of the policy file; empty for a built-in policy
 */
public record TriagePolicy(
    String name,
    String preset,
    String approvers,
    Set<Priority> selfApproval,
    List<CompiledRule> rules,
    String source,
    String sha256) {

  /** Rule id of the decision for a unit that no rule decides. */
  public static final String NO_RULE = "no-rule-matched";

  public TriagePolicy {
    selfApproval = Set.copyOf(selfApproval);
    rules = List.copyOf(rules);
  }
}
