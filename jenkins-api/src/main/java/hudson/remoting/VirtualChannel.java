// Mirrors org.jenkins-ci.main:remoting as bundled in jenkins-core 2.541.3; compile-only.
package hudson.remoting;

public interface VirtualChannel {}
