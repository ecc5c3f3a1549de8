package io.patchpipeline.engine.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.record.UnitFinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each finding was first detected. SLA due dates count from that time, so a finding that a
 * daily job sees again keeps its due date. The record keeps the times in its {@code detect} section
 * as {@code firstSeen: {findingId: instant}}; an older record without that section counts from its
 * own creation time.
 */
final class FirstSeen {
  static final String STAGE = "detect";

  private final Map<String, Instant> known;
  private final Instant now;

  private FirstSeen(Map<String, Instant> known, Instant now) {
    this.known = known;
    this.now = now;
  }

  static FirstSeen from(DetectOptions options, Instant now) {
    if (options.previous().isEmpty()) {
      return new FirstSeen(Map.of(), now);
    }
    PatchRecord previous;
    try {
      previous = RecordStore.read(options.baseDir().resolve(options.previous().get()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Instant> known = new HashMap<>();
    JsonNode times = previous.stage(STAGE).map(s -> s.path("firstSeen")).orElse(null);
    for (UnitFinding finding : previous.findings()) {
      known.put(finding.id(), time(times, finding.id(), previous.createdAt()));
    }
    return new FirstSeen(known, now);
  }

  /** Returns when {@code findingId} was first seen: now for a new finding. */
  Instant of(String findingId) {
    Instant first = known.get(findingId);
    return first == null || first.isAfter(now) ? now : first;
  }

  JsonNode section(List<UnitFinding> findings) {
    ObjectNode section = JsonNodeFactory.instance.objectNode();
    ObjectNode times = section.putObject("firstSeen");
    for (UnitFinding finding : findings) {
      times.put(finding.id(), of(finding.id()).toString());
    }
    return section;
  }

  private static Instant time(JsonNode times, String id, Instant fallback) {
    if (times == null || !times.hasNonNull(id)) {
      return fallback;
    }
    try {
      return Instant.parse(times.get(id).asText());
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
