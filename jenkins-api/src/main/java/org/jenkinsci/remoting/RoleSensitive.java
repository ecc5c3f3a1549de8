// Mirrors org.jenkins-ci.main:remoting as bundled in jenkins-core 2.541.3; compile-only.
package org.jenkinsci.remoting;

public interface RoleSensitive {
  void checkRoles(RoleChecker checker) throws SecurityException;
}
