package io.patchpipeline.engine.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.record.PatchRecord;
import java.util.Optional;

/**
 * The {@code deploy} section of the record: the plan used, whether it ran as an emergency, and the
 * rollout's waves with host results, health samples and decisions.
 */
public record DeploySection(String plan, String tool, boolean emergency, RolloutState rollout) {
  public static final String NAME = "deploy";

  public PatchRecord writeTo(PatchRecord record) {
    return record.withStage(NAME, Json.mapper().valueToTree(this));
  }

  public static Optional<DeploySection> read(PatchRecord record) {
    Optional<JsonNode> node = record.stage(NAME);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().treeToValue(node.get(), DeploySection.class));
    } catch (JsonProcessingException e) {
      throw new io.patchpipeline.engine.core.InputException(
          "record", "/stages/deploy", "invalid deploy section: " + e.getOriginalMessage(), e);
    }
  }
}
