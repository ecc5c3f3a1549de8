package io.patchpipeline.engine.deploy.tool;

import java.io.IOException;
import java.util.List;

/**
 * Runs a caller-supplied body once per wave with the wave's hosts: the Jenkins {@code canaryDeploy}
 * block form, whose body runs the user's own steps. The body succeeds or fails as a whole, so every
 * host of the wave gets that outcome.
 */
public final class BlockDeployer implements Deployer {
  /** The work a block runs for one wave. */
  @FunctionalInterface
  public interface Body {
    /**
     * Runs the block for {@code request}'s hosts; {@code rollback} tells it to take them back.
     *
     * @return whether the block succeeded
     */
    boolean run(DeployRequest request, boolean rollback) throws IOException, InterruptedException;
  }

  private final Body body;

  public BlockDeployer(Body body) {
    this.body = body;
  }

  @Override
  public String tool() {
    return "block";
  }

  @Override
  public List<Command> deployCommands(DeployRequest request) {
    return List.of();
  }

  @Override
  public List<Command> rollbackCommands(DeployRequest request) {
    return List.of();
  }

  @Override
  public ToolResult deploy(DeployRequest request) throws IOException, InterruptedException {
    return run(request, false);
  }

  @Override
  public ToolResult rollback(DeployRequest request) throws IOException, InterruptedException {
    return run(request, true);
  }

  private ToolResult run(DeployRequest request, boolean rollback)
      throws IOException, InterruptedException {
    boolean passed = body.run(request, rollback);
    return ToolResult.all(
        request.hosts(),
        passed ? HostResult.Status.CHANGED : HostResult.Status.FAILED,
        passed ? "" : "the block failed",
        List.of("block for " + String.join(",", request.hosts())),
        "");
  }
}
