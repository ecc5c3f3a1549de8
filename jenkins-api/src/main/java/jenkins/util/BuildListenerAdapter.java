// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package jenkins.util;

import hudson.model.BuildListener;
import hudson.model.TaskListener;
import java.io.PrintStream;

public final class BuildListenerAdapter implements BuildListener {
  private static final long serialVersionUID = 1L;

  private final TaskListener delegate;

  public BuildListenerAdapter(TaskListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public PrintStream getLogger() {
    return delegate.getLogger();
  }
}
