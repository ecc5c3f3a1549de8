package io.patchpipeline.engine.service;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks where a record is to be written before any work is done, and reports a failed write with
 * the record's path rather than the temporary file's.
 */
final class RecordTarget {
  private RecordTarget() {}

  /**
   * Returns the resolved path, or rejects one that exists and is not a regular file (a device, a
   * folder, a link such as /dev/stdout) or that is one of the run's own reports.
   */
  static Path check(Path baseDir, Path out, List<Path> reports) {
    String shown = out.toString();
    if (shown.isBlank()) {
      throw new InputException("--out", "", "the record path is empty; expected a file name");
    }
    Path target = baseDir.resolve(out).toAbsolutePath().normalize();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new InputException(
          shown, "", "exists and is not a regular file; expected a path for the record file");
    }
    for (Path report : reports) {
      if (report.toAbsolutePath().normalize().equals(target)) {
        throw new InputException(
            shown, "", "is one of the reports being read; choose another path for the record");
      }
    }
    return target;
  }

  static void write(Path target, PatchRecord record) {
    try {
      RecordStore.write(target, record);
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (e instanceof java.nio.file.FileSystemException failed) {
        String what =
            failed.getReason() == null ? e.getClass().getSimpleName() : failed.getReason();
        reason = what + " (" + failed.getFile() + ")";
      }
      throw new InputException(target.toString(), "", "cannot write the record: " + reason, e);
    }
  }
}
