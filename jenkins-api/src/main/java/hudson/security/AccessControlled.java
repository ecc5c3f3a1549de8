// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.security;

/**
 * An object with an access control list. The real type declares {@code getACL()} as its abstract
 * method; the stub leaves it out because plugin code only calls the permission checks.
 */
public interface AccessControlled {
  default void checkPermission(Permission permission) {
    throw new UnsupportedOperationException();
  }

  default boolean hasPermission(Permission permission) {
    throw new UnsupportedOperationException();
  }
}
