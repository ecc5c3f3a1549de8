package io.patchpipeline.engine.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.record.PatchRecord;
import java.util.Optional;

/** Reads and writes the {@code triage} section of a {@link PatchRecord}. */
public final class TriageRecords {
  public static final String STAGE = "triage";

  private TriageRecords() {}

  /**
   * Returns the record's triage section, or empty when triage has not run on it.
   *
   * @throws InputException when the section is of a newer schema or malformed
   */
  public static Optional<TriageSection> read(PatchRecord record, String name) {
    Optional<JsonNode> node = record.stage(STAGE);
    if (node.isEmpty() || node.get().isNull()) {
      return Optional.empty();
    }
    int version = node.get().path("schemaVersion").asInt(-1);
    if (version < 1 || version > TriageSection.SCHEMA_VERSION) {
      throw new InputException(
          name,
          "/stages/triage/schemaVersion",
          "unsupported triage section version "
              + node.get().path("schemaVersion")
              + "; this engine reads versions 1 to "
              + TriageSection.SCHEMA_VERSION);
    }
    try {
      return Optional.of(Json.mapper().treeToValue(node.get(), TriageSection.class));
    } catch (JsonProcessingException e) {
      throw new InputException(
          name, "/stages/triage", "invalid triage section: " + e.getOriginalMessage(), e);
    }
  }

  /** Returns a copy of {@code record} with {@code section} as its triage section. */
  public static PatchRecord write(PatchRecord record, TriageSection section) {
    return record.withStage(STAGE, Json.mapper().valueToTree(section));
  }
}
