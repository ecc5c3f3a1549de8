package io.jenkins.plugins.patchpipeline;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The kubeconfig of a file credential, written on the agent for the length of one rollout step: in
 * a new folder (mode 0700) under the workspace's temporary folder, as a file of mode 0600 that is
 * created with that mode before any byte is written. {@link #close} deletes both, also after a
 * failure. Builds on the same agent run as the same user, so the random folder name and the short
 * life are what keep it from them.
 */
final class KubeconfigFile implements Closeable {
  private static final String FILE_NAME = "kubeconfig";

  private final Path folder;
  private final Path file;

  private KubeconfigFile(Path folder, Path file) {
    this.folder = folder;
    this.file = file;
  }

  /** Writes {@code content} to a new file under {@code tempDir}, creating that folder if needed. */
  static KubeconfigFile write(Path tempDir, byte[] content) throws IOException {
    Files.createDirectories(tempDir);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path folder =
        posix
            ? Files.createTempDirectory(
                tempDir,
                "patch-pipeline-kube",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
            : Files.createTempDirectory(tempDir, "patch-pipeline-kube");
    Path file = folder.resolve(FILE_NAME);
    KubeconfigFile kubeconfig = new KubeconfigFile(folder, file);
    try {
      if (posix) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(content);
      }
      return kubeconfig;
    } catch (IOException | RuntimeException e) {
      kubeconfig.close();
      throw e;
    }
  }

  Path path() {
    return file;
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(folder);
  }
}
