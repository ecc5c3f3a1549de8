package io.jenkins.plugins.patchpipeline;

import hudson.model.Run;
import io.patchpipeline.engine.core.AtomicFiles;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The remediation record kept in a build's folder on the controller, where it survives a wiped
 * workspace. Later steps of the same build read it here and write their sections back.
 */
public final class BuildRecords {
  /** Location of the record relative to the build folder. */
  public static final String RECORD_FILE = "patch-pipeline/record.json";

  private BuildRecords() {}

  public static Path file(Run<?, ?> run) {
    return new File(run.getRootDir(), RECORD_FILE).toPath();
  }

  /** Replaces the build's record atomically with {@code json}, as written by the engine. */
  public static void write(Run<?, ?> run, byte[] json) throws IOException {
    AtomicFiles.write(file(run), json);
  }

  /**
   * Reads the build's record.
   *
   * @throws io.patchpipeline.engine.core.InputException when the build has none, because {@code
   *     patchDetect} did not run in it
   */
  public static PatchRecord read(Run<?, ?> run) throws IOException {
    return RecordStore.read(file(run));
  }
}
