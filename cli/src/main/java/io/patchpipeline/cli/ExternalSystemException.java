package io.patchpipeline.cli;

/**
 * An external system, such as the ledger database, could not be reached or failed. The command
 * exits with {@link ExitCodes#EXTERNAL_FAILURE}; the message never contains a secret.
 */
final class ExternalSystemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ExternalSystemException(String message, Throwable cause) {
    super(message, cause);
  }
}
