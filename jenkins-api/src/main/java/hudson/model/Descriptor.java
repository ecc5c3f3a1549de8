// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;

/**
 * Metadata and configuration of a {@link Describable} type. The stub infers {@link #clazz} like the
 * real no-argument constructor, and {@link #load()} and {@link #save()} do nothing, so that tests
 * can create descriptors and global configurations without a Jenkins home.
 */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {
  public final transient Class<? extends T> clazz;

  @SuppressWarnings("unchecked")
  protected Descriptor(Class<? extends T> clazz) {
    this.clazz = (Class<?>) clazz == Self.class ? (Class<? extends T>) getClass() : clazz;
  }

  @SuppressWarnings("unchecked")
  protected Descriptor() {
    Class<?> enclosing = getClass().getEnclosingClass();
    if (enclosing == null) {
      throw new AssertionError(getClass() + " is not a nested class of its Describable");
    }
    this.clazz = (Class<? extends T>) enclosing;
  }

  public String getDisplayName() {
    return clazz.getSimpleName();
  }

  @Override
  public synchronized void save() {}

  @Override
  public synchronized void load() {}

  @SuppressWarnings("rawtypes")
  protected static Class self() {
    return Self.class;
  }

  private static final class Self {}
}
