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
  private Result result;
  private TestRun previous;
  private int number = 1;

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

  /** Sets the build before this one, which {@link #getPreviousBuild} returns, and the number. */
  TestRun after(TestRun value) {
    previous = value;
    number = value.number + 1;
    return this;
  }

  /** Sets the build number and the build before this one, for code that walks a job's history. */
  TestRun numbered(int value, TestRun before) {
    number = value;
    previous = before;
    return this;
  }

  @Override
  public TestRun getPreviousBuild() {
    return previous;
  }

  @Override
  public int getNumber() {
    return number;
  }

  @Override
  public String getExternalizableId() {
    return "test-job#" + number;
  }

  /** Returns the result a step set, or {@code null} when none did. */
  Result resultSet() {
    return result;
  }

  /** Returns the result a step set, or {@code null} when none did. */
  Result result() {
    return result;
  }

  @Override
  public Result getResult() {
    return result;
  }

  /** Keeps the worse of the current and the given result, as core does while the build runs. */
  @Override
  public void setResult(Result r) {
    result = result == null ? r : result.combine(r);
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
