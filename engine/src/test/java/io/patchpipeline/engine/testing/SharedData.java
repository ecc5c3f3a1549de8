package io.patchpipeline.engine.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the real scanner reports and feeds kept in {@code shared/data} beside the project's root
 * folder. They are not part of the project, so tests that use them are skipped where it is absent.
 */
public final class SharedData {
  private SharedData() {}

  /** Returns the data folder, or skips the calling test with a message when it is absent. */
  public static Path folder() {
    Path folder = locate();
    assumeTrue(
        folder != null,
        "Skipped: shared/data beside the project root is absent, so no real reports are read");
    return folder;
  }

  /** Returns the files of one subfolder, such as {@code trivy}, or skips when it is absent. */
  public static List<Path> files(String subfolder) {
    Path dir = folder().resolve(subfolder);
    assumeTrue(Files.isDirectory(dir), "Skipped: shared/data/" + subfolder + " is absent");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns one file of a subfolder, or skips the calling test when it is absent. */
  public static Path file(String subfolder, String name) {
    Path file = folder().resolve(subfolder).resolve(name);
    assumeTrue(
        Files.isRegularFile(file), "Skipped: shared/data/" + subfolder + "/" + name + " is absent");
    return file;
  }

  private static Path locate() {
    String configured = System.getProperty("patchpipeline.shared.data");
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      return Files.isDirectory(path) ? path : null;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("engine").resolve("pom.xml")) && dir.getParent() != null) {
        Path data = dir.getParent().resolve("shared").resolve("data");
        return Files.isDirectory(data) ? data : null;
      }
    }
    return null;
  }
}
