package io.patchpipeline.engine.deploy;

/** What a rollout does when a wave fails. */
public enum FailureAction {
  /** Runs the deployer's rollback on every host the rollout has changed, then stops. */
  ROLLBACK,
  /** Leaves every host as it is and stops, so that a person can look before anything changes. */
  FREEZE
}
