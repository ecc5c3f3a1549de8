package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.record.PatchRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@value #STAGE} section of a record: the ticket of each unit, by unit id. */
public record TicketLinks(Map<String, TicketLink> units) {
  public static final String STAGE = "tickets";

  public TicketLinks {
    units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
  }

  /** Reads the section of {@code record}; empty when the record has none. */
  public static TicketLinks of(PatchRecord record) {
    Optional<JsonNode> section = record.stage(STAGE);
    if (section.isEmpty()) {
      return new TicketLinks(Map.of());
    }
    try {
      TicketLinks links = Json.mapper().treeToValue(section.get(), TicketLinks.class);
      return links.units() == null ? new TicketLinks(Map.of()) : links;
    } catch (JsonProcessingException e) {
      throw new InputException(
          "record " + record.runId(),
          "/stages/" + STAGE,
          "invalid tickets section: " + e.getOriginalMessage(),
          e);
    }
  }

  public Optional<TicketLink> unit(String unitId) {
    return Optional.ofNullable(units.get(unitId));
  }

  /** Returns a copy with {@code link} as the ticket of {@code unitId}. */
  public TicketLinks with(String unitId, TicketLink link) {
    Map<String, TicketLink> copy = new LinkedHashMap<>(units);
    copy.put(unitId, link);
    return new TicketLinks(copy);
  }

  /** Returns {@code record} with this section. */
  public PatchRecord writeTo(PatchRecord record) {
    return record.withStage(STAGE, Json.mapper().valueToTree(this));
  }

  /** Returns the ticket key of each unit, for summaries handed to a pipeline. */
  public Map<String, String> keysByUnit() {
    Map<String, String> keys = new LinkedHashMap<>();
    units.forEach((unit, link) -> keys.put(unit, link.key()));
    return keys;
  }
}
