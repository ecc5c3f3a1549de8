package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.core.InputException;

/** An approval that the engine rejects; nothing of it is recorded. */
public class ApprovalException extends InputException {
  private static final long serialVersionUID = 1L;

  public ApprovalException(String record, String problem) {
    super(record, "", problem);
  }
}
