// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * A file on the controller or an agent. The stub runs callables in this JVM on a local file so that
 * tests can exercise code that calls {@link #act(FileCallable)}.
 */
public final class FilePath implements SerializableOnlyOverRemoting {
  private static final long serialVersionUID = 1L;

  private final String remote;

  public FilePath(File localPath) {
    this.remote = localPath.getPath();
  }

  public String getRemote() {
    return remote;
  }

  public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
    return callable.invoke(new File(remote), null);
  }

  /** Work that runs where the file is: on the agent for a remote workspace. */
  public interface FileCallable<T> extends Serializable, RoleSensitive {
    T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
  }
}
