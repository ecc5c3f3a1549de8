// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.slaves;

import hudson.FilePath;
import java.io.File;

/**
 * The workspaces in use on a node. The stub's {@link #tempDir} returns the same sibling folder as
 * the real one with the default combinator, {@code WORKSPACE@tmp}, so that tests can use it.
 */
public final class WorkspaceList {
  public static FilePath tempDir(FilePath ws) {
    return new FilePath(new File(ws.getRemote() + "@tmp"));
  }
}
