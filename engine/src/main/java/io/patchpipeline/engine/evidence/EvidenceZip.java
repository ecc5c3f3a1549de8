package io.patchpipeline.engine.evidence;

import io.patchpipeline.engine.core.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Packs a bundle folder into one zip file and checks a packed bundle. Entries are sorted and carry
 * a fixed time, so packing the same bundle twice gives the same bytes.
 */
public final class EvidenceZip {
  private static final FileTime FIXED_TIME = FileTime.fromMillis(0);

  private EvidenceZip() {}

  /** Writes {@code bundle} and its files to {@code zipFile}, atomically. */
  public static void pack(Path bundle, Path zipFile) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(bundle)) {
      files =
          walk.filter(Files::isRegularFile)
              .sorted(Comparator.comparing(f -> Manifest.relative(bundle, f)))
              .toList();
    }
    AtomicFiles.write(
        zipFile,
        out -> {
          ZipOutputStream zip = new ZipOutputStream(out);
          for (Path file : files) {
            ZipEntry entry = new ZipEntry(Manifest.relative(bundle, file));
            entry.setLastModifiedTime(FIXED_TIME);
            zip.putNextEntry(entry);
            Files.copy(file, zip);
            zip.closeEntry();
          }
          zip.finish();
        });
  }

  /**
   * Unpacks {@code zipFile} into a temporary folder, checks it as {@link BundleVerifier#verify}
   * does, and deletes the folder. An entry that would leave the folder is reported, not unpacked.
   */
  public static BundleCheck verify(Path zipFile, Optional<EvidenceSigner> signer)
      throws IOException {
    Path folder = Files.createTempDirectory("evidence-check");
    try {
      List<String> problems = unpack(zipFile, folder);
      if (!problems.isEmpty()) {
        return new BundleCheck(false, false, problems);
      }
      return BundleVerifier.verify(folder, signer);
    } finally {
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static List<String> unpack(Path zipFile, Path folder) throws IOException {
    List<String> problems = new ArrayList<>();
    try (InputStream in = Files.newInputStream(zipFile);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Path target = folder.resolve(entry.getName()).normalize();
        if (!target.startsWith(folder) || entry.getName().contains("..")) {
          problems.add("zip entry " + entry.getName() + " points outside the bundle");
          continue;
        }
        Path parent = target.getParent();
        if (!entry.isDirectory() && parent != null) {
          Files.createDirectories(parent);
          Files.copy(zip, target);
        }
      }
    }
    return problems;
  }
}
