package io.jenkins.plugins.patchpipeline;

import hudson.model.Job;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/** A build whose folder is a temporary directory, for code that stores files with the build. */
final class TestRun extends Run<TestRun.TestJob, TestRun> {
  private final Path rootDir;

  TestRun(Path rootDir) throws IOException {
    super(new TestJob());
    this.rootDir = rootDir;
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
  static final class TestJob extends Job<TestJob, TestRun> {}
}
