package io.patchpipeline.engine.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.AtomicFiles;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.core.JsonProblems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and atomically writes {@link PatchRecord} JSON files. */
public final class RecordStore {
  private RecordStore() {}

  /** Writes {@code record} so that a reader never sees a half-written file. */
  public static void write(Path file, PatchRecord record) throws IOException {
    AtomicFiles.write(file, out -> Json.mapper().writeValue(out, record));
  }

  public static byte[] toBytes(PatchRecord record) {
    try {
      return Json.mapper().writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize the record", e);
    }
  }

  /**
   * Reads a record written by this or an older engine.
   *
   * @throws InputException when the file is missing, not JSON, of a newer schema version, or has a
   *     unit id that is malformed or used twice
   */
  public static PatchRecord read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), "", "record not found; run detect first", e);
    }
  }

  public static PatchRecord read(InputStream in, String name) throws IOException {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(in);
    } catch (JsonProcessingException e) {
      throw JsonProblems.error(name, "not a JSON record", e);
    }
    if (tree == null || !tree.isObject() || !tree.has("schemaVersion")) {
      throw new InputException(
          name, "line 1", "not a Patch Pipeline record; expected an object with schemaVersion");
    }
    int version = tree.get("schemaVersion").asInt(-1);
    if (version < 1 || version > PatchRecord.SCHEMA_VERSION) {
      throw new InputException(
          name,
          "/schemaVersion",
          "unsupported record schema version "
              + tree.get("schemaVersion")
              + "; this engine reads versions 1 to "
              + PatchRecord.SCHEMA_VERSION);
    }
    PatchRecord record;
    try {
      record = Json.mapper().treeToValue(tree, PatchRecord.class);
    } catch (JsonProcessingException e) {
      throw JsonProblems.error(name, "invalid record", e, tree);
    }
    UnitIds.check(name, record.units());
    return record;
  }
}
