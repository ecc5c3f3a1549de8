package io.patchpipeline.engine.ledger;

/** A ledger database that cannot be opened, migrated, read or written. */
public class LedgerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
