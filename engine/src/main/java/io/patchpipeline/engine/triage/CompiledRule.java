package io.patchpipeline.engine.triage;

import dev.cel.runtime.CelRuntime;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A validated triage rule with its compiled CEL program.
 *
 * @param reads the variables the expression references, taken from the checked syntax tree
 * @param review the review delay of a defer rule
 * @param due the remediation deadline, absent when the rule sets none
 * @param dueAtKevDate the deadline is the earliest KEV due date of the unit's findings
 */
public record CompiledRule(
    String id,
    String text,
    Outcome outcome,
    String approvers,
    String reason,
    Optional<Duration> review,
    Optional<Duration> due,
    boolean dueAtKevDate,
    Set<String> reads,
    CelRuntime.Program program) {

  public CompiledRule {
    reads = Set.copyOf(reads);
  }
}
