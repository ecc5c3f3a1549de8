package io.patchpipeline.cli;

/** Process exit codes of every subcommand. */
final class ExitCodes {
  static final int OK = 0;

  /** A {@code --fail-on} threshold was crossed, or a verification found a CVE still present. */
  static final int THRESHOLD = 1;

  /** Invalid input: a missing file, a malformed report, policy, inventory or record. */
  static final int INPUT_ERROR = 2;

  static final int INTERNAL_ERROR = 70;

  private ExitCodes() {}
}
