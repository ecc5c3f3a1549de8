// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

public interface Describable<T extends Describable<T>> {
  /** A default method since core 2.505; the stub mirrors 2.541.3. */
  default Descriptor<T> getDescriptor() {
    throw new UnsupportedOperationException();
  }
}
