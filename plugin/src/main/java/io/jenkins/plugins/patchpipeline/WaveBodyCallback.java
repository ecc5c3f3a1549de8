package io.jenkins.plugins.patchpipeline;

import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Hands the end of one body run back to its {@link CanaryDeployExecution}, which decides what comes
 * next. It is saved with the program together with the execution, so after a controller restart
 * during the body it still reaches the same execution. It runs on the pipeline's thread, so it only
 * records the outcome and leaves the work to the rollout threads.
 */
final class WaveBodyCallback extends BodyExecutionCallback {
  private static final long serialVersionUID = 1L;

  private final CanaryDeployExecution execution;
  private final WaveBlock block;

  WaveBodyCallback(CanaryDeployExecution execution, WaveBlock block) {
    this.execution = execution;
    this.block = block;
  }

  @Override
  public void onSuccess(StepContext context, Object result) {
    execution.bodyEnded(BodyResult.passed(block));
  }

  /**
   * Counts a failed body as a failed wave. An interruption (the build was aborted, or a {@code
   * timeout} around the step expired) stops the step instead, and nothing is rolled back.
   */
  @Override
  public void onFailure(StepContext context, Throwable t) {
    if (t instanceof InterruptedException || execution.isStopping()) {
      execution.bodyInterrupted(t);
      return;
    }
    execution.bodyEnded(BodyResult.failed(block, t));
  }
}
