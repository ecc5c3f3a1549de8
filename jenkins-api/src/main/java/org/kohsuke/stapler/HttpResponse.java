// Mirrors org.kohsuke.stapler:stapler as bundled in jenkins-core 2.541.3; compile-only.
package org.kohsuke.stapler;

/** The real interface has a default {@code generateResponse} method that the stub leaves out. */
public interface HttpResponse {}
