package io.jenkins.plugins.patchpipeline;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** A step context with fixed context objects that records how the step completed. */
final class TestStepContext extends StepContext {
  private static final long serialVersionUID = 1L;

  /** Context objects; like Jenkins' pickles, they are attached again after deserialization. */
  private transient Map<Class<?>, Object> objects = new HashMap<>();

  /** Whether the step was called with a body, and the body runs started so far. */
  private boolean body;

  private transient List<TestBodyInvoker> invocations = new CopyOnWriteArrayList<>();

  private transient Object result;
  private transient Throwable failure;
  private transient volatile boolean completed;
  private transient int saves;

  <T> TestStepContext with(Class<T> key, T value) {
    if (objects == null) {
      objects = new HashMap<>();
    }
    objects.put(key, value);
    return this;
  }

  /** Makes {@link #hasBody} true, as for a step called with a closure. */
  TestStepContext withBody() {
    body = true;
    return this;
  }

  @Override
  public boolean hasBody() {
    return body;
  }

  @Override
  public BodyInvoker newBodyInvoker() {
    if (!body) {
      throw new IllegalStateException("There is no body to invoke");
    }
    if (invocations == null) {
      invocations = new CopyOnWriteArrayList<>();
    }
    TestBodyInvoker invoker = new TestBodyInvoker();
    invocations.add(invoker);
    return invoker;
  }

  /** Returns the body runs started through this context, in order. */
  List<TestBodyInvoker> invocations() {
    return invocations == null ? List.of() : List.copyOf(invocations);
  }

  @Override
  public <T> T get(Class<T> key) {
    return objects == null ? null : key.cast(objects.get(key));
  }

  @Override
  public void onSuccess(Object value) {
    completed = true;
    result = value;
  }

  @Override
  public void onFailure(Throwable t) {
    completed = true;
    failure = t;
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public ListenableFuture<Void> saveState() {
    saves++;
    return Futures.immediateVoidFuture();
  }

  int saves() {
    return saves;
  }

  boolean isCompleted() {
    return completed;
  }

  Object result() {
    return result;
  }

  Throwable failure() {
    return failure;
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
