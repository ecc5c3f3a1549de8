package io.patchpipeline.engine.deploy.tool;

/** The outcome of a deployment or rollback on one host. */
public record HostResult(String host, Status status, String detail) {
  /** How a host ended. */
  public enum Status {
    /** Already at the fixed version: nothing changed. */
    OK,
    CHANGED,
    FAILED,
    UNREACHABLE,
    /** The tool reported nothing for the host, so it counts as failed. */
    UNKNOWN
  }

  public boolean failed() {
    return status == Status.FAILED || status == Status.UNREACHABLE || status == Status.UNKNOWN;
  }
}
