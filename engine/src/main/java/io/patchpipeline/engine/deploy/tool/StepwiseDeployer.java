package io.patchpipeline.engine.deploy.tool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A deployer that runs a short sequence of commands per target (a workload, a release, a Windows
 * host) and judges each target by the first command that fails.
 */
abstract class StepwiseDeployer implements Deployer {
  private final CommandRunner runner;

  StepwiseDeployer(CommandRunner runner) {
    this.runner = runner;
  }

  /** Returns the commands that apply the fixes to one target, in order. */
  abstract List<Command> deploySteps(String target, DeployRequest request);

  /** Returns the commands that take the fixes back on one target, in order. */
  abstract List<Command> rollbackSteps(String target, DeployRequest request);

  /** Returns the status of a target after its commands; a subclass may read the output. */
  HostResult.Status success(List<CommandResult> results) {
    return HostResult.Status.CHANGED;
  }

  /** Returns whether {@code result} counts as success; most tools succeed with exit code 0. */
  boolean succeeded(CommandResult result) {
    return result.succeeded();
  }

  @Override
  public List<Command> deployCommands(DeployRequest request) {
    return request.hosts().stream()
        .flatMap(target -> deploySteps(target, request).stream())
        .toList();
  }

  @Override
  public List<Command> rollbackCommands(DeployRequest request) {
    return request.hosts().stream()
        .flatMap(target -> rollbackSteps(target, request).stream())
        .toList();
  }

  @Override
  public ToolResult deploy(DeployRequest request) throws IOException, InterruptedException {
    List<HostResult> hosts = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    StringBuilder output = new StringBuilder();
    for (String target : request.hosts()) {
      hosts.add(runSteps(target, deploySteps(target, request), shown, output));
    }
    return new ToolResult(hosts, shown, output.toString());
  }

  @Override
  public ToolResult rollback(DeployRequest request) throws IOException, InterruptedException {
    List<HostResult> hosts = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    StringBuilder output = new StringBuilder();
    for (String target : request.hosts()) {
      hosts.add(runSteps(target, rollbackSteps(target, request), shown, output));
    }
    return new ToolResult(hosts, shown, output.toString());
  }

  private HostResult runSteps(
      String target, List<Command> steps, List<String> shown, StringBuilder output)
      throws IOException, InterruptedException {
    List<CommandResult> results = new ArrayList<>();
    for (Command step : steps) {
      shown.add(step.display());
      CommandResult result = runner.run(step);
      results.add(result);
      output.append(result.output());
      if (!succeeded(result)) {
        String why =
            result.timedOut()
                ? step.arguments().get(0) + " timed out after " + step.timeout()
                : step.arguments().get(0)
                    + " failed with exit code "
                    + result.exitCode()
                    + ": "
                    + result.lastLine();
        return new HostResult(target, HostResult.Status.FAILED, why);
      }
    }
    return new HostResult(target, success(results), "");
  }
}
