package io.jenkins.plugins.patchpipeline;

import hudson.EnvVars;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A body run as the step starts it: the context it passed and its callback. The test ends the run
 * by calling the callback, as the pipeline does when the body's steps end.
 */
final class TestBodyInvoker extends BodyInvoker {
  private final List<Object> contexts = new ArrayList<>();
  private BodyExecutionCallback callback;
  private volatile boolean started;
  private final Execution execution = new Execution();

  /** The running body; records whether the step cancelled it. */
  static final class Execution extends BodyExecution {
    private static final long serialVersionUID = 1L;

    volatile Throwable cancelled;

    @Override
    public Collection<StepExecution> getCurrentExecutions() {
      return List.of();
    }

    @Override
    public boolean cancel(Throwable t) {
      cancelled = t;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled != null;
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException();
    }
  }

  @Override
  public BodyInvoker withContext(Object override) {
    contexts.add(override);
    return this;
  }

  @Override
  public BodyInvoker withCallback(BodyExecutionCallback value) {
    callback = value;
    return this;
  }

  @Override
  public BodyExecution start() {
    started = true;
    return execution;
  }

  boolean isStarted() {
    return started;
  }

  BodyExecutionCallback callback() {
    return callback;
  }

  Execution execution() {
    return execution;
  }

  /** Returns the environment the body sees, expanded from the expander the step passed. */
  EnvVars environment() throws Exception {
    EnvVars env = new EnvVars();
    for (Object context : contexts) {
      if (context instanceof EnvironmentExpander expander) {
        expander.expand(env);
      }
    }
    return env;
  }
}
