package io.patchpipeline.engine.evidence;

import io.patchpipeline.engine.core.AtomicFiles;
import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Packs a bundle folder into one zip file and checks a packed bundle. Entries are sorted and carry
 * a fixed time, so packing the same bundle twice gives the same bytes. A check streams each entry
 * through SHA-256 and writes nothing to disk, within {@link #MAX_ENTRIES} entries and {@link
 * #MAX_TOTAL_BYTES} uncompressed bytes, so a zip bomb cannot fill the disk or run for long.
 */
public final class EvidenceZip {
  /** The maximum number of entries in a checked zip. */
  public static final int MAX_ENTRIES = 10_000;

  /** The maximum number of uncompressed bytes in a checked zip, counted as read: 1 GiB. */
  public static final long MAX_TOTAL_BYTES = 1L << 30;

  /** The maximum size of a manifest, signature or {@code unit.json} kept in memory: 16 MiB. */
  private static final int MAX_KEPT_BYTES = 16 << 20;

  private static final FileTime FIXED_TIME = FileTime.fromMillis(0);

  private EvidenceZip() {}

  /**
   * Packs {@code bundle} into a zip beside it named after the bundle folder, whose name {@link
   * EvidenceWriter} made safe, and returns the zip. Callers never build a zip path from a unit id.
   */
  public static Path packBeside(Path bundle) throws IOException {
    Path absolute = bundle.toAbsolutePath().normalize();
    Path zipFile = absolute.resolveSibling(absolute.getFileName() + ".zip");
    pack(absolute, zipFile);
    return zipFile;
  }

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
   * Checks {@code zipFile} as {@link BundleVerifier#verify} checks a folder, without unpacking it.
   * An unsafe or repeated entry name, or a zip past the limits, is a problem of the result.
   *
   * @throws InputException when the file is missing or is not a zip with a manifest
   */
  public static BundleCheck verify(Path zipFile, Optional<EvidenceSigner> signer)
      throws IOException {
    return verify(zipFile, signer, MAX_ENTRIES, MAX_TOTAL_BYTES);
  }

  /** Checks {@code zipFile} within the given limits; tests use small ones. */
  static BundleCheck verify(
      Path zipFile, Optional<EvidenceSigner> signer, int maxEntries, long maxTotalBytes)
      throws IOException {
    return BundleVerifier.check(read(zipFile, maxEntries, maxTotalBytes), signer);
  }

  private static BundleContents read(Path zipFile, int maxEntries, long maxTotalBytes)
      throws IOException {
    String name = String.valueOf(zipFile.getFileName());
    Reading reading = new Reading(maxTotalBytes);
    try (InputStream in = Files.newInputStream(zipFile);
        ZipInputStream zip = new ZipInputStream(in)) {
      int entries = 0;
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (++entries > maxEntries) {
          reading.problems.add("rejected: the zip has more than " + maxEntries + " entries");
          break;
        }
        if (!reading.add(entry, zip)) {
          break;
        }
      }
      if (entries == 0) {
        throw notABundle(zipFile);
      }
    } catch (NoSuchFileException e) {
      throw new InputException(zipFile.toString(), "", "evidence bundle not found", e);
    } catch (ZipException | java.io.EOFException e) {
      throw notABundle(zipFile);
    }
    if (reading.manifest == null) {
      if (reading.problems.isEmpty()) {
        throw new InputException(
            zipFile.toString(), "", "not an evidence bundle: the zip has no manifest.json");
      }
      reading.manifest = new byte[0];
    }
    return new BundleContents(
        name,
        reading.manifest,
        Optional.ofNullable(reading.signature),
        reading.hashes,
        Optional.ofNullable(reading.unitJson),
        reading.problems);
  }

  static InputException notABundle(Path file) {
    return new InputException(
        file.toString(), "", "not an evidence bundle (not a zip file or folder)");
  }

  /** The state of one pass over the entries of a zip. */
  private static final class Reading {
    final Map<String, String> hashes = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    final java.util.Set<String> names = new java.util.HashSet<>();
    byte[] manifest;
    byte[] signature;
    byte[] unitJson;
    final long maxTotalBytes;
    long total;

    Reading(long maxTotalBytes) {
      this.maxTotalBytes = maxTotalBytes;
    }

    /** Reads one entry; returns false when the zip went past the size limit. */
    boolean add(ZipEntry entry, InputStream zip) throws IOException {
      String path = entry.getName();
      if (!isSafe(path)) {
        problems.add("rejected: unsafe entry name " + printable(path));
        return true;
      }
      if (!names.add(path)) {
        problems.add("rejected: duplicate entry name " + path);
        return true;
      }
      if (entry.isDirectory()) {
        return true;
      }
      boolean kept =
          path.equals(Manifest.FILE) || path.equals(Manifest.SIGNATURE) || path.equals("unit.json");
      Hashed hashed = hash(zip, kept);
      if (hashed == null) {
        problems.add(
            "rejected: the zip holds more than "
                + maxTotalBytes
                + " bytes uncompressed (stopped at entry "
                + path
                + ")");
        return false;
      }
      if (hashed.tooLarge()) {
        problems.add("rejected: entry " + path + " is larger than " + MAX_KEPT_BYTES + " bytes");
        return true;
      }
      switch (path) {
        case Manifest.FILE -> manifest = hashed.bytes;
        case Manifest.SIGNATURE -> signature = hashed.bytes;
        default -> {
          hashes.put(path, hashed.sha256);
          if (path.equals("unit.json")) {
            unitJson = hashed.bytes;
          }
        }
      }
      return true;
    }

    /** Hashes an entry as it streams; returns null when the total passes the limit. */
    private Hashed hash(InputStream zip, boolean keep) throws IOException {
      MessageDigest digest = Hashing.sha256();
      ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
      byte[] buffer = new byte[64 * 1024];
      try (DigestInputStream in = new DigestInputStream(nonClosing(zip), digest)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          total += n;
          if (total > maxTotalBytes) {
            return null;
          }
          if (kept != null && kept.size() + n > MAX_KEPT_BYTES) {
            return new Hashed("", null, true);
          }
          if (kept != null) {
            kept.write(buffer, 0, n);
          }
        }
      }
      return new Hashed(
          HexFormat.of().formatHex(digest.digest()),
          kept == null ? null : kept.toByteArray(),
          false);
    }
  }

  /** The SHA-256 of an entry, its bytes when kept, or whether it was too large to keep. */
  private record Hashed(String sha256, byte[] bytes, boolean tooLarge) {}

  /**
   * Returns whether a zip entry name is a relative path that stays inside the bundle: no absolute
   * path or drive letter, no {@code ..} or empty segment, no backslash or control character.
   */
  static boolean isSafe(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")) {
      return false;
    }
    if (path.length() >= 2 && path.charAt(1) == ':') {
      return false;
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        return false;
      }
    }
    return path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }

  private static String printable(String path) {
    StringBuilder out = new StringBuilder();
    path.chars()
        .forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : (char) c));
    return out.toString();
  }

  private static InputStream nonClosing(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {
        // The zip stream stays open for the next entry.
      }
    };
  }
}
