package io.patchpipeline.engine.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader sees either the old content or the new, never a half-written file:
 * the bytes go to a temporary file in the same folder, are forced to disk, then renamed over the
 * target.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writer of the new content into the temporary file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    if (folder == null) {
      throw new IOException("Cannot write " + absolute + ": it has no parent folder");
    }
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
