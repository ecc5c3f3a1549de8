package io.patchpipeline.cli;

/** Process exit codes of every subcommand. */
final class ExitCodes {
  static final int OK = 0;

  /** A {@code --fail-on} threshold was crossed, or a verification found a CVE still present. */
  static final int THRESHOLD = 1;

  /** Invalid input: a missing file, a malformed report, policy, inventory or record. */
  static final int INPUT_ERROR = 2;

  /**
   * An external system failed: a ticket system rejected a write or could not be reached, or the
   * ledger database could not be reached. What was done before the failure is kept.
   */
  static final int EXTERNAL_FAILURE = 3;

  /** A bug: the message and stack trace should be reported. */
  static final int INTERNAL_ERROR = 70;

  private ExitCodes() {}
}
