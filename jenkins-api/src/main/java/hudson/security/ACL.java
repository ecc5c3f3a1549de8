// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.security;

import org.springframework.security.core.Authentication;

public abstract class ACL {
  public static final Authentication SYSTEM2 = null;

  protected ACL() {}

  public boolean hasPermission2(Authentication a, Permission permission) {
    throw new UnsupportedOperationException();
  }
}
