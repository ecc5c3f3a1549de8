// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package jenkins.model;

import hudson.ProxyConfiguration;
import hudson.model.AbstractCIBase;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;

public class Jenkins extends AbstractCIBase implements AccessControlled, Loadable {
  public static final Permission ADMINISTER = null;

  public transient volatile ProxyConfiguration proxy;
  public static final Permission READ = null;

  private Jenkins() {}

  public static Jenkins get() throws IllegalStateException {
    throw new UnsupportedOperationException();
  }

  public File getRootDir() {
    throw new UnsupportedOperationException();
  }

  public <T extends Item> T getItemByFullName(String fullName, Class<T> type) {
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
