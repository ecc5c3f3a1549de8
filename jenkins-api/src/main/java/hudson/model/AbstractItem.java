// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

public abstract class AbstractItem extends Actionable implements Item {
  protected AbstractItem() {}

  @Override
  public String getFullName() {
    throw new UnsupportedOperationException();
  }
}
