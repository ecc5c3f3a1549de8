package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.record.PatchRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@value #STAGE} section of a record: for each unit, the idempotency keys of the comments its
 * ticket already received. {@link TicketSync#commentOnce} reads it to skip a comment that a run of
 * the same record already wrote, so a re-run adds no duplicate. A key is a hash of the system name,
 * the unit and the text, so the section stores no comment text.
 */
public record CommentMarks(Map<String, List<String>> units) {
  public static final String STAGE = "ticketComments";

  public CommentMarks {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    if (units != null) {
      units.forEach((unit, keys) -> copy.put(unit, List.copyOf(keys)));
    }
    units = Collections.unmodifiableMap(copy);
  }

  /** Reads the section of {@code record}; empty when the record has none. */
  public static CommentMarks of(PatchRecord record) {
    Optional<JsonNode> section = record.stage(STAGE);
    if (section.isEmpty()) {
      return new CommentMarks(Map.of());
    }
    try {
      return Json.mapper().treeToValue(section.get(), CommentMarks.class);
    } catch (JsonProcessingException e) {
      throw new InputException(
          "record " + record.runId(),
          "/stages/" + STAGE,
          "invalid ticket comments section: " + e.getOriginalMessage(),
          e);
    }
  }

  public boolean contains(String unitId, String key) {
    return units.getOrDefault(unitId, List.of()).contains(key);
  }

  /** Returns {@code record} with {@code key} added to the marks of {@code unitId}. */
  public PatchRecord withMark(PatchRecord record, String unitId, String key) {
    Map<String, List<String>> copy = new LinkedHashMap<>(units);
    List<String> keys = new ArrayList<>(copy.getOrDefault(unitId, List.of()));
    if (!keys.contains(key)) {
      keys.add(key);
    }
    copy.put(unitId, keys);
    return record.withStage(STAGE, Json.mapper().valueToTree(new CommentMarks(copy)));
  }
}
