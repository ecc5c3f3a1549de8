// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

import hudson.ExtensionPoint;

/**
 * An action of the Jenkins root. Its default methods {@code getBadge} and {@code isPrimaryAction}
 * are left out.
 */
public interface RootAction extends Action, ExtensionPoint {}
