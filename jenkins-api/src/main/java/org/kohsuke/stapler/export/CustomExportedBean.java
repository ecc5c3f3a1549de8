// Mirrors org.kohsuke.stapler:stapler as bundled in jenkins-core 2.541.3; compile-only.
package org.kohsuke.stapler.export;

public interface CustomExportedBean {
  Object toExportedObject();
}
