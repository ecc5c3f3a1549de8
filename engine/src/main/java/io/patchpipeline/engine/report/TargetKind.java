package io.patchpipeline.engine.report;

/** What a scanner looked at. */
public enum TargetKind {
  IMAGE,
  HOST,
  KUBERNETES_WORKLOAD,
  FILE,
  REPOSITORY,
  UNKNOWN
}
