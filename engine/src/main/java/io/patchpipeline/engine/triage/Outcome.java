package io.patchpipeline.engine.triage;

import java.util.Locale;

/**
 * What triage decides for one remediation unit. The order runs from least to most restrictive, so
 * that a unit whose assets get different outcomes takes the most restrictive one.
 */
public enum Outcome {
  /** Approved by a policy rule; no person needs to approve it. */
  AUTO_APPROVED("auto-approve"),
  /** Not patched now; the decision carries a reason and a review date. */
  DEFERRED("defer"),
  /** Waits for a person of the rule's approver group. */
  NEEDS_APPROVAL("needs-approval"),
  /** A P0 emergency: needs approval, and may skip the canary only after its own approval. */
  EMERGENCY("emergency");

  private final String policyName;

  Outcome(String policyName) {
    this.policyName = policyName;
  }

  /** Returns the name a policy file uses, such as {@code auto-approve}. */
  public String policyName() {
    return policyName;
  }

  /** Returns whether a person must approve the unit before it is deployed. */
  public boolean isPending() {
    return this == NEEDS_APPROVAL || this == EMERGENCY;
  }

  /** Reads a policy file's outcome name, or the enum name, case-insensitive. */
  public static Outcome parse(String text) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Outcome outcome : values()) {
      if (outcome.policyName.equals(wanted) || outcome.name().equalsIgnoreCase(wanted)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException(
        "unknown outcome '"
            + text
            + "'; expected auto-approve, needs-approval, defer or emergency");
  }
}
