package io.patchpipeline.engine.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.verify.UnitVerdict;
import io.patchpipeline.engine.verify.VerifyResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes a verification's verdicts into the record's {@code verify} section. */
public final class VerifySection {
  public static final String STAGE = "verify";

  private VerifySection() {}

  public static PatchRecord write(PatchRecord record, VerifyResult result, Instant at) {
    ObjectNode section = JsonNodeFactory.instance.objectNode();
    section.put("verifiedAt", at.toString());
    section.put("outcome", result.outcome().name());
    ArrayNode units = section.putArray("units");
    for (UnitVerdict verdict : result.units()) {
      ObjectNode unit = units.addObject();
      unit.put("unitId", verdict.unitId());
      unit.put("verified", verdict.verified());
      unit.put("reason", verdict.closure().reason());
      verdict.methods().forEach(unit.putArray("methods")::add);
      verdict.closure().remaining().forEach(unit.putArray("remaining")::add);
      verdict.closure().unverified().forEach(unit.putArray("unverified")::add);
    }
    return record.withStage(STAGE, section);
  }

  /** Returns when the record's units were last verified, or empty when they never were. */
  public static Optional<Instant> verifiedAt(PatchRecord record) {
    return record
        .stage(STAGE)
        .map(section -> section.path("verifiedAt").asText(""))
        .filter(text -> !text.isEmpty())
        .map(Instant::parse);
  }

  /** Returns the ids of the units the last verification found verified, in record order. */
  public static List<String> verifiedUnitIds(PatchRecord record) {
    List<String> ids = new ArrayList<>();
    record
        .stage(STAGE)
        .ifPresent(
            section -> {
              for (JsonNode unit : section.path("units")) {
                if (unit.path("verified").asBoolean(false)) {
                  ids.add(unit.path("unitId").asText());
                }
              }
            });
    return ids;
  }

  /**
   * Returns the comment that closes a unit's ticket: that Patch Pipeline verified it, by which
   * methods, and the reason, as the last verification recorded them.
   */
  public static String closingComment(PatchRecord record, String unitId) {
    JsonNode units =
        record.stage(STAGE).map(section -> section.path("units")).orElse(MissingNode.getInstance());
    for (JsonNode unit : units) {
      if (unit.path("unitId").asText().equals(unitId)) {
        List<String> methods = new ArrayList<>();
        unit.path("methods").forEach(method -> methods.add(method.asText()));
        return "Verified by Patch Pipeline ("
            + String.join(", ", methods)
            + "): "
            + unit.path("reason").asText();
      }
    }
    return "Verified by Patch Pipeline";
  }
}
