package io.patchpipeline.engine.evidence;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.patchpipeline.engine.core.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The list of a bundle's files with their SHA-256, kept in {@code manifest.json} at the bundle's
 * root. The manifest and its signature {@code manifest.sig} are the only files it does not list.
 *
 * @param kind {@code unit} or {@code run}
 */
record Manifest(
    @JsonProperty("format") String format,
    @JsonProperty("kind") String kind,
    @JsonProperty("id") String id,
    @JsonProperty("runId") String runId,
    @JsonProperty("createdAt") Instant createdAt,
    @JsonProperty("files") List<Entry> files) {

  static final String FORMAT = "patch-pipeline-evidence/1";
  static final String FILE = "manifest.json";
  static final String SIGNATURE = "manifest.sig";

  /** One file: its path relative to the bundle root with {@code /} separators. */
  record Entry(
      @JsonProperty("path") String path,
      @JsonProperty("sha256") String sha256,
      @JsonProperty("size") long size) {}

  /** Hashes every file under {@code root} except the root's manifest and signature. */
  static List<Entry> entries(Path root) {
    List<Entry> entries = new ArrayList<>();
    for (Path file : listFiles(root)) {
      try {
        entries.add(new Entry(relative(root, file), Hashing.sha256(file), Files.size(file)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return entries;
  }

  /** Returns the bundle's files in path order, without the root's manifest and signature. */
  static List<Path> listFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              file -> !file.getParent().equals(root) || !isManifest(file.getFileName().toString()))
          .sorted((a, b) -> relative(root, a).compareTo(relative(root, b)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root, e);
    }
  }

  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static boolean isManifest(String name) {
    return FILE.equals(name) || SIGNATURE.equals(name);
  }
}
