package io.patchpipeline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.verify.UnitVerdict;
import io.patchpipeline.engine.verify.VerifyResult;
import java.time.Instant;

/** Writes a verification's verdicts into the record's {@code verify} section. */
final class VerifySection {
  static final String STAGE = "verify";

  private VerifySection() {}

  static PatchRecord write(PatchRecord record, VerifyResult result, Instant at) {
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
}
