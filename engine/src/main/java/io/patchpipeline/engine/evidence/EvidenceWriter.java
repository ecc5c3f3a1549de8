package io.patchpipeline.engine.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes evidence bundles: one folder per unit, and one per run holding its units. A bundle is
 * written into a hidden temporary folder beside its target and renamed into place when complete, so
 * a reader never sees half a bundle. An existing bundle is never overwritten. Before the rename,
 * every file is searched for the signing key and for each secret the caller names, and the bundle
 * is discarded if one occurs.
 */
public final class EvidenceWriter {
  private final Optional<EvidenceSigner> signer;
  private final List<byte[]> secrets;

  /**
   * @param secrets values that must never appear in a bundle (tokens, passwords); each is also
   *     searched in its Base64 form
   */
  public EvidenceWriter(Optional<EvidenceSigner> signer, Collection<String> secrets) {
    this.signer = signer;
    this.secrets = new ArrayList<>();
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        this.secrets.add(bytes);
        this.secrets.add(
            Base64.getEncoder().encodeToString(bytes).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** Writes the bundle of one unit to {@code folder/UNIT_ID} and returns that folder. */
  public Path writeUnit(UnitEvidence evidence, Path folder) throws IOException {
    return atomically(folder, evidence.unitId(), temp -> writeUnitFiles(evidence, temp));
  }

  /**
   * Writes the bundle of a run to {@code folder/RUN_ID}: {@code run.json} with the summary, then
   * each unit's bundle under {@code units/UNIT_ID}, and one manifest over all of it.
   */
  public Path writeRun(
      String runId,
      Instant createdAt,
      Map<String, Object> summary,
      List<UnitEvidence> units,
      Path folder)
      throws IOException {
    return atomically(
        folder,
        runId,
        temp -> {
          writeJson(temp.resolve("run.json"), summary);
          for (UnitEvidence unit : units) {
            Path unitFolder = temp.resolve("units").resolve(safeName(unit.unitId()));
            Files.createDirectories(unitFolder);
            writeUnitFiles(unit, unitFolder);
          }
          writeManifest(temp, "run", runId, runId, createdAt);
        });
  }

  private void writeUnitFiles(UnitEvidence evidence, Path root) throws IOException {
    writeJson(root.resolve("unit.json"), evidence.unit());
    copyScans(evidence.beforeScans(), root.resolve("scans").resolve("before"));
    copyScans(evidence.afterScans(), root.resolve("scans").resolve("after"));
    writeJson(root.resolve("verification.json"), evidence.verifications());
    Map<String, Object> decisions = new LinkedHashMap<>();
    decisions.put("approver", evidence.approver());
    decisions.put("decisions", evidence.decisions());
    writeJson(root.resolve("decisions.json"), decisions);
    writeJson(root.resolve("deployment.json"), Map.of("waves", evidence.waves()));
    writeJson(root.resolve("tickets.json"), evidence.tickets());
    writeJson(root.resolve("sla.json"), evidence.sla().map(Object.class::cast).orElse(Map.of()));
    writeManifest(root, "unit", evidence.unitId(), evidence.runId(), evidence.createdAt());
  }

  private static void copyScans(List<Path> scans, Path target) throws IOException {
    int index = 1;
    for (Path scan : scans) {
      Files.createDirectories(target);
      String name = String.format("%02d-%s", index++, safeName(String.valueOf(scan.getFileName())));
      Files.copy(scan, target.resolve(name));
    }
  }

  private void writeManifest(Path root, String kind, String id, String runId, Instant createdAt)
      throws IOException {
    Manifest manifest =
        new Manifest(Manifest.FORMAT, kind, id, runId, createdAt, Manifest.entries(root));
    byte[] bytes = Json.mapper().writeValueAsBytes(manifest);
    Files.write(root.resolve(Manifest.FILE), bytes);
    if (signer.isPresent()) {
      Map<String, String> signature = new LinkedHashMap<>();
      signature.put("algorithm", signer.get().algorithm());
      signature.put("signature", Base64.getEncoder().encodeToString(signer.get().sign(bytes)));
      writeJson(root.resolve(Manifest.SIGNATURE), signature);
    }
  }

  private static void writeJson(Path file, Object value) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.write(file, Json.mapper().writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IOException(
          "Cannot write " + file.getFileName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Folder content written into the temporary folder. */
  private interface Content {
    void writeTo(Path temp) throws IOException;
  }

  private Path atomically(Path folder, String name, Content content) throws IOException {
    Path target = folder.toAbsolutePath().resolve(safeName(name));
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(
          target.toString(), null, "an evidence bundle is never overwritten");
    }
    Files.createDirectories(folder);
    Path temp = Files.createTempDirectory(folder.toAbsolutePath(), "." + safeName(name) + ".");
    try {
      content.writeTo(temp);
      rejectSecrets(temp);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target);
      }
      return target;
    } finally {
      deleteTree(temp);
    }
  }

  private void rejectSecrets(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        // NOTE: reads each file whole; bundles hold reports and JSON, not multi-gigabyte files.
        byte[] bytes = Files.readAllBytes(file);
        boolean leaked =
            signer.map(s -> s.keyOccursIn(bytes)).orElse(false)
                || secrets.stream().anyMatch(s -> indexOf(bytes, s) >= 0);
        if (leaked) {
          throw new IOException(
              "Evidence file "
                  + Manifest.relative(root, file)
                  + " contains a secret or the signing key; the bundle was not written");
        }
      }
    }
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Keeps ids and file names to one safe path segment. */
  static String safeName(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
  }
}
