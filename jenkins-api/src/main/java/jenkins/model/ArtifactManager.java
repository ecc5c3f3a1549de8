// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package jenkins.model;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.BuildListener;
import java.io.IOException;
import java.util.Map;

/** The real class also implements {@code Iterable} and has more abstract methods. */
public abstract class ArtifactManager {
  public abstract void archive(
      FilePath workspace, Launcher launcher, BuildListener listener, Map<String, String> artifacts)
      throws IOException, InterruptedException;
}
