// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_; compile-only.
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import java.io.IOException;
import java.io.Serializable;

/** The real class has more abstract methods; plugin code only reads context and completes. */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
  private static final long serialVersionUID = 1L;

  public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

  @Override
  public abstract void onSuccess(Object result);

  public abstract boolean isReady();

  /** Persists the changed fields of the running execution with the program. */
  public abstract ListenableFuture<Void> saveState();

  public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

  public boolean hasBody() {
    throw new UnsupportedOperationException();
  }
}
