package io.jenkins.plugins.patchpipeline;

import hudson.model.Cause;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/** A build whose folder is a temporary directory, for code that stores files with the build. */
final class TestRun extends Run<TestRun.TestJob, TestRun> {
  private final Path rootDir;
  private Cause cause;
  private int number = 1;
  private TestRun previous;
  private Result result;

  TestRun(Path rootDir) throws IOException {
    super(new TestJob());
    this.rootDir = rootDir;
  }

  /** Sets the cause that {@link #getCause} returns, such as the user who started the build. */
  TestRun startedBy(Cause value) {
    cause = value;
    return this;
  }

  @Override
  public <T extends Cause> T getCause(Class<T> type) {
    return type.isInstance(cause) ? type.cast(cause) : null;
  }

  /** Sets the build number and the build before this one, for code that walks a job's history. */
  TestRun numbered(int value, TestRun before) {
    number = value;
    previous = before;
    return this;
  }

  @Override
  public int getNumber() {
    return number;
  }

  @Override
  public TestRun getPreviousBuild() {
    return previous;
  }

  @Override
  public String getExternalizableId() {
    return "test-job#" + number;
  }

  @Override
  public void setResult(Result value) {
    result = value;
  }

  /** Returns the result a step set, or {@code null} when none did. */
  Result result() {
    return result;
  }

  @Override
  public File getRootDir() {
    return rootDir.toFile();
  }

  @Override
  public int compareTo(TestRun other) {
    return rootDir.compareTo(other.rootDir);
  }

  /** The job of a {@link TestRun}. */
  static final class TestJob extends Job<TestJob, TestRun> {
    private TestRun last;

    /** Sets the newest build; older ones are reached through {@link TestRun#getPreviousBuild}. */
    TestJob withLastBuild(TestRun run) {
      last = run;
      return this;
    }

    @Override
    public TestRun getLastBuild() {
      return last;
    }
  }
}
