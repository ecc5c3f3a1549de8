package io.patchpipeline.engine.verify.vm;

/** A vulnerability-management system rejected a request or could not be reached. */
public class VmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public VmException(String message, int status) {
    super(message);
    this.status = status;
  }

  /** Returns the HTTP status, or 0 when no response arrived. */
  public int getStatus() {
    return status;
  }
}
