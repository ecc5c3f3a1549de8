// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.Launcher;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import jenkins.model.ArtifactManager;
import jenkins.util.io.OnMaster;

/**
 * One build. Tests override {@link #getRootDir()}; the artifact manager copies files into {@code
 * <root>/archive} like core's standard manager, so that tests can run code that archives.
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    extends Actionable implements ExtensionPoint, Comparable<RunT>, AccessControlled, OnMaster {
  protected Run(JobT job) throws IOException {}

  public File getRootDir() {
    throw new UnsupportedOperationException();
  }

  public String getUrl() {
    throw new UnsupportedOperationException();
  }

  /** Returns the first cause of {@code type}; the stub has none unless a test overrides it. */
  public <T extends Cause> T getCause(Class<T> type) {
    return null;
  }

  public Result getResult() {
    throw new UnsupportedOperationException();
  }

  /** Can only make the result worse; core throws {@code IllegalStateException} after the build. */
  public void setResult(Result r) {
    throw new UnsupportedOperationException();
  }

  public String getExternalizableId() {
    throw new UnsupportedOperationException();
  }

  public int getNumber() {
    throw new UnsupportedOperationException();
  }

  /** Returns the build before this one; the stub has none unless a test overrides it. */
  public RunT getPreviousBuild() {
    return null;
  }

  /** Returns the latest earlier build that is no longer running, as core's method does. */
  public final RunT getPreviousCompletedBuild() {
    RunT previous = getPreviousBuild();
    while (previous != null && previous.isBuilding()) {
      previous = previous.getPreviousBuild();
    }
    return previous;
  }

  /** Returns whether the build is still running; the stub's builds are not, unless overridden. */
  public boolean isBuilding() {
    return false;
  }

  public final synchronized ArtifactManager pickArtifactManager() throws IOException {
    return new LocalArtifactManager(new File(getRootDir(), "archive"));
  }

  /** Stand-in for core's standard manager; plugin code uses only {@link ArtifactManager}. */
  private static final class LocalArtifactManager extends ArtifactManager {
    private final File archive;

    LocalArtifactManager(File archive) {
      this.archive = archive;
    }

    @Override
    public void archive(
        FilePath workspace,
        Launcher launcher,
        BuildListener listener,
        Map<String, String> artifacts)
        throws IOException {
      for (Map.Entry<String, String> entry : artifacts.entrySet()) {
        Path target = archive.toPath().resolve(entry.getKey()).toAbsolutePath();
        Path folder = target.getParent();
        if (folder != null) {
          Files.createDirectories(folder);
        }
        Files.copy(
            Path.of(workspace.getRemote(), entry.getValue()),
            target,
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
