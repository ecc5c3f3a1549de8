// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_; compile-only.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StepContext context;

  protected StepExecution(StepContext context) {
    this.context = context;
  }

  public StepContext getContext() {
    return context;
  }

  public abstract boolean start() throws Exception;

  public void stop(Throwable cause) throws Exception {
    throw new UnsupportedOperationException();
  }

  public void onResume() {}

  public String getStatus() {
    throw new UnsupportedOperationException();
  }
}
