// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_; compile-only.
package org.jenkinsci.plugins.workflow.steps;

/**
 * An execution whose {@link #run()} works off the CPS thread. The real {@link #start()} submits
 * {@code run()} to a thread pool and returns false; the stub runs it on the calling thread and
 * completes the context the same way, so that tests see the step's outcome.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
  private static final long serialVersionUID = 1L;

  protected SynchronousNonBlockingStepExecution(StepContext context) {
    super(context);
  }

  protected abstract T run() throws Exception;

  @Override
  public final boolean start() throws Exception {
    T result;
    try {
      result = run();
    } catch (Exception | Error e) {
      getContext().onFailure(e);
      return false;
    }
    getContext().onSuccess(result);
    return false;
  }
}
