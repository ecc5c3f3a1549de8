package io.patchpipeline.engine.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Writes files so that a reader sees either the old content or the new, never a half-written file:
 * the bytes go to a temporary file in the same folder, are forced to disk, then renamed over the
 * target.
 *
 * <p>An existing target keeps its POSIX permissions. A new file gets {@code rw-r--r--}, because the
 * files written here (records, reports, evidence zips, state and outbox files) hold no secrets. A
 * target that exists and is not a regular file (a device, a folder, a fifo) is rejected, because
 * the rename would replace it.
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
    if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
      throw new FileSystemException(
          absolute.toString(), null, "exists and is not a regular file; expected a file path");
    }
    Files.createDirectories(folder);
    Optional<Set<PosixFilePermission>> permissions = permissions(folder, absolute);
    Path temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      if (permissions.isPresent()) {
        Files.setPosixFilePermissions(temp, permissions.get());
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

  /**
   * Returns the permissions the written file gets: the existing target's, or {@code rw-r--r--} for
   * a new one; empty on a file system without POSIX permissions.
   */
  private static Optional<Set<PosixFilePermission>> permissions(Path folder, Path target)
      throws IOException {
    if (!Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return Optional.empty();
    }
    return Optional.of(
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : PosixFilePermissions.fromString("rw-r--r--"));
  }
}
