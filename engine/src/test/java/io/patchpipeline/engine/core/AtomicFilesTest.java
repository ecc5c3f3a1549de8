package io.patchpipeline.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void folderTargetIsRejected() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("out"));

    assertThatThrownBy(() -> AtomicFiles.write(folder, bytes("x")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exists and is not a regular file")
        .hasMessageNotContaining(".tmp");
    assertThat(folder).isDirectory();
  }

  @Test
  void fifoTargetIsRejected() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    assertThatThrownBy(() -> AtomicFiles.write(fifo, bytes("x")))
        .hasMessageContaining("exists and is not a regular file");
    assertThat(Files.isRegularFile(fifo)).isFalse();
  }

  @Test
  void replacedFileKeepsItsPermissions() throws IOException {
    Path file = dir.resolve("record.json");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

    AtomicFiles.write(file, bytes("new"));

    assertThat(file).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-rw-r--");
  }

  @Test
  void newFileIsReadableByOthers() throws IOException {
    Path file = dir.resolve("report.html");

    AtomicFiles.write(file, bytes("new"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
