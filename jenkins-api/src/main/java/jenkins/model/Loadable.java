// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package jenkins.model;

import java.io.IOException;

public interface Loadable {
  void load() throws IOException;
}
