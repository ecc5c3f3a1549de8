package io.patchpipeline.engine.deploy.tool;

/**
 * How a command ended: its exit code and the tail of its combined standard output and error.
 *
 * @param exitCode the process exit code, or -1 when it timed out and was killed
 */
public record CommandResult(int exitCode, String output, boolean timedOut) {
  public boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }

  /** Returns the last line of output, for a one-line failure message. */
  public String lastLine() {
    String trimmed = output.strip();
    int newline = trimmed.lastIndexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(newline + 1);
  }
}
