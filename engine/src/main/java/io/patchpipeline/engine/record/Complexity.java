package io.patchpipeline.engine.record;

/** Estimated effort and risk of applying a remediation unit's fix. */
public enum Complexity {
  LOW,
  MEDIUM,
  HIGH
}
