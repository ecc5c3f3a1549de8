package io.patchpipeline.engine.deploy;

/** What a health check without enough data means: never a pass. */
public enum NoDataPolicy {
  /** The wave fails and the failure action of the plan runs. */
  FAILED,
  /** The rollout stops and waits for a person to decide. */
  INCONCLUSIVE
}
