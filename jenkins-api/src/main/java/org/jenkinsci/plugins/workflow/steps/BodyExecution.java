// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_; compile-only.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.Future;

public abstract class BodyExecution implements Future<Object>, Serializable {
  private static final long serialVersionUID = 1L;

  public abstract Collection<StepExecution> getCurrentExecutions();

  @Deprecated
  @Override
  public boolean cancel(boolean b) {
    throw new UnsupportedOperationException();
  }

  public boolean cancel(Throwable t) {
    throw new UnsupportedOperationException();
  }
}
