package io.patchpipeline.engine.triage;

/**
 * One triage rule as the policy file writes it. Rules are tried in order; the first whose {@code
 * when} expression is true decides the unit.
 *
 * @param when a CEL expression over {@link TriageVariables} that returns a bool
 * @param outcome {@code auto-approve}, {@code needs-approval}, {@code defer} or {@code emergency}
 * @param approvers the approver group for needs-approval and emergency; empty: the policy's default
 * @param reason text the decision carries; required for {@code defer}
 * @param review for {@code defer}: how long until the unit is reviewed again, such as {@code 30d}
 * @param due remediation deadline from the decision, such as {@code 14d}, or {@code kev} for the
 *     earliest KEV due date among the unit's findings; empty: none set by triage
 */
public record TriageRule(
    String id,
    String when,
    String outcome,
    String approvers,
    String reason,
    String review,
    String due) {}
