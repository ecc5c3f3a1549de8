// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package jenkins.model;

import hudson.ProxyConfiguration;
import hudson.model.AbstractCIBase;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;

public class Jenkins extends AbstractCIBase implements AccessControlled, Loadable {
  public static final Permission ADMINISTER = null;

  public transient volatile ProxyConfiguration proxy;

  private Jenkins() {}

  public static Jenkins get() throws IllegalStateException {
    throw new UnsupportedOperationException();
  }

  public ACL getACL() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void load() {
    throw new UnsupportedOperationException();
  }
}
