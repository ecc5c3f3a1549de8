package io.patchpipeline.engine.deploy.tool;

import java.io.IOException;
import java.util.List;

/**
 * Applies approved fixes to the hosts of one wave through one tool, and takes them back.
 *
 * <p>Implementations must be idempotent: after a restart the rollout runs the wave whose command
 * was running again, so applying a fix twice must leave the host as applying it once does. Every
 * value is validated before it reaches a command line, and commands are argument arrays.
 */
public interface Deployer {
  /** Returns the tool name as written in plans, such as {@code ansible}. */
  String tool();

  /** Returns the commands {@link #deploy} would run, for a dry run; runs nothing. */
  List<Command> deployCommands(DeployRequest request);

  /** Returns the commands {@link #rollback} would run, for a dry run; runs nothing. */
  List<Command> rollbackCommands(DeployRequest request);

  /** Applies the fixes to every host of the request and reports each host's outcome. */
  ToolResult deploy(DeployRequest request) throws IOException, InterruptedException;

  /** Takes the fixes back on the hosts of the request, as the tool allows. */
  ToolResult rollback(DeployRequest request) throws IOException, InterruptedException;
}
