// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

import hudson.security.AccessControlled;
import org.springframework.security.core.Authentication;

/** A Jenkins user. The stub declares only what the plugin calls; the real class has more. */
public class User extends AbstractModelObject implements AccessControlled {
  private User() {}

  public static User getById(String id, boolean create) {
    throw new UnsupportedOperationException();
  }

  public String getId() {
    throw new UnsupportedOperationException();
  }

  public Authentication impersonate2() {
    throw new UnsupportedOperationException();
  }
}
