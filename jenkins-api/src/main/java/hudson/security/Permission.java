// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.security;

public final class Permission {
  private Permission() {}
}
