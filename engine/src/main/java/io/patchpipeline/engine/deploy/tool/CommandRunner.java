package io.patchpipeline.engine.deploy.tool;

import java.io.IOException;

/**
 * Starts commands. The command line runs them on this machine ({@link LocalCommandRunner}); the
 * Jenkins plugin runs them on the build agent. Implementations must be safe to call from the
 * rollout's single thread only.
 */
public interface CommandRunner {
  /**
   * Runs {@code command} to its end or its timeout.
   *
   * @throws IOException when the program cannot be started (not installed, not executable)
   * @throws InterruptedException when the rollout is stopped; the process is killed first
   */
  CommandResult run(Command command) throws IOException, InterruptedException;
}
