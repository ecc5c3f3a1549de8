// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

/** The real type declares {@code getRootDir()}; plugin code does not call it. */
public interface PersistenceRoot extends Saveable {}
