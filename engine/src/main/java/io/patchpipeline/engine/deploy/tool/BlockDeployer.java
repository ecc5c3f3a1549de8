package io.patchpipeline.engine.deploy.tool;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Runs a caller-supplied body once per wave with the wave's hosts: the Jenkins {@code canaryDeploy}
 * block form, whose body runs the user's own steps. The body succeeds or fails as a whole, so every
 * host of the wave gets that outcome.
 *
 * <p>A body may run somewhere the rollout cannot wait for, such as a Jenkins pipeline block that
 * survives a controller restart. Such a body returns no outcome until it has run; the rollout
 * engine then stops at that wave ({@link #tryRun} returns empty) and continues once the outcome is
 * known.
 */
public final class BlockDeployer implements Deployer {
  /** The work a block runs for one wave. */
  @FunctionalInterface
  public interface Body {
    /**
     * Runs the block for {@code request}'s hosts, or returns the outcome of a run that has ended;
     * {@code rollback} tells it to take the hosts back.
     *
     * @return the outcome, or empty when the block has not run for this request yet
     */
    Optional<BodyOutcome> run(DeployRequest request, boolean rollback)
        throws IOException, InterruptedException;
  }

  /**
   * The outcome of one run of the block.
   *
   * @param detail why the block failed, for the host results; empty when it passed
   */
  public record BodyOutcome(boolean passed, String detail) {
    public static BodyOutcome success() {
      return new BodyOutcome(true, "");
    }

    public static BodyOutcome failure(String detail) {
      return new BodyOutcome(false, detail);
    }
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
    return tryRun(request, false).orElseThrow(() -> notRun(request));
  }

  @Override
  public ToolResult rollback(DeployRequest request) throws IOException, InterruptedException {
    return tryRun(request, true).orElseThrow(() -> notRun(request));
  }

  /** Runs the block for {@code request}, or returns empty when the body has not run for it yet. */
  public Optional<ToolResult> tryRun(DeployRequest request, boolean rollback)
      throws IOException, InterruptedException {
    Optional<BodyOutcome> outcome = body.run(request, rollback);
    if (outcome.isEmpty()) {
      return Optional.empty();
    }
    boolean passed = outcome.get().passed();
    String detail = outcome.get().detail();
    return Optional.of(
        ToolResult.all(
            request.hosts(),
            passed ? HostResult.Status.CHANGED : HostResult.Status.FAILED,
            passed ? "" : detail.isEmpty() ? "the block failed" : detail,
            List.of(
                (rollback ? "rollback block for " : "block for ")
                    + String.join(",", request.hosts())),
            ""));
  }

  private static IllegalStateException notRun(DeployRequest request) {
    return new IllegalStateException(
        "The block has not run for " + request.waveName() + " yet; use tryRun to wait for it");
  }
}
