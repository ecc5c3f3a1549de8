package io.patchpipeline.engine.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy's decision for one remediation unit, with everything an auditor needs to replay it.
 *
 * @param ruleId the deciding rule, or {@link TriagePolicy#NO_RULE}
 * @param ruleText the rule's CEL expression; empty when no rule matched
 * @param values the values the rule read, as text; {@code unknown} for an unknown value
 * @param unknown the unknown values that sent the unit to a person
 * @param approvers the approver group for a pending unit; empty otherwise
 * @param assetId the asset whose facts decided; the most restrictive asset of the unit
 * @param reviewDate when a deferred unit is reviewed again
 * @param dueDate the remediation deadline the rule set, if any
 * @param epssModelVersion the EPSS model the scores came from; empty when no EPSS was loaded
 * @param kevCatalogVersion the KEV catalog version; empty when no catalog was loaded
 * @param policySha256 the SHA-256 of the policy file; empty for the built-in policy
 * @param decidedBy always {@code policy}; approvals by people are kept in {@link Approval}
 */
public record TriageDecision(
    String unitId,
    String priority,
    Outcome outcome,
    String ruleId,
    String ruleText,
    Map<String, String> values,
    List<String> unknown,
    String reason,
    String approvers,
    String assetId,
    Optional<LocalDate> reviewDate,
    Optional<Instant> dueDate,
    String epssModelVersion,
    Optional<LocalDate> epssScoreDate,
    String kevCatalogVersion,
    String policySource,
    String policySha256,
    String decidedBy,
    Instant decidedAt) {

  public static final String BY_POLICY = "policy";

  public TriageDecision {
    values = Map.copyOf(values);
    unknown = List.copyOf(unknown);
  }
}
