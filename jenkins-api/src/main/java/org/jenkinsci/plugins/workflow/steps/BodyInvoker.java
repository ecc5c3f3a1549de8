// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_; compile-only.
package org.jenkinsci.plugins.workflow.steps;

/** The real class has more members; the plugin only sets context and a callback, then starts. */
public abstract class BodyInvoker {
  public abstract BodyInvoker withContext(Object override);

  public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

  public abstract BodyExecution start();
}
