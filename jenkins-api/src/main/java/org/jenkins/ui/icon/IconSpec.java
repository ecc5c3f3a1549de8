// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package org.jenkins.ui.icon;

public interface IconSpec {}
