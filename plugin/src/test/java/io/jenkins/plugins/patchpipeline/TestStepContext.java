package io.jenkins.plugins.patchpipeline;

import java.util.HashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** A step context with fixed context objects that records how the step completed. */
final class TestStepContext extends StepContext {
  private static final long serialVersionUID = 1L;

  private final transient Map<Class<?>, Object> objects = new HashMap<>();
  private transient Object result;
  private transient Throwable failure;
  private transient boolean completed;

  <T> TestStepContext with(Class<T> key, T value) {
    objects.put(key, value);
    return this;
  }

  @Override
  public <T> T get(Class<T> key) {
    return key.cast(objects.get(key));
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
