package io.patchpipeline.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The units a rollout may deploy, and whether a P0 emergency may skip the canary waves.
 *
 * <p>The record's {@code triage} section is read when present: {@code decisions} is a list of
 * objects with {@code unitId}, {@code decision} ({@code approved} deploys) and {@code emergency}
 * ({@code true} when an approver allowed a P0 unit to skip the canary). An explicit list of unit
 * ids narrows it further and may not name a unit that triage did not approve. Without a triage
 * section the explicit list is the approval, and no emergency is possible.
 */
public record Approvals(List<String> unitIds, boolean emergency) {
  public Approvals {
    unitIds = List.copyOf(unitIds);
  }

  public static Approvals resolve(
      PatchRecord record, Optional<List<String>> explicit, String recordName) {
    Optional<JsonNode> triage = record.stage("triage");
    if (triage.isEmpty()) {
      List<String> ids =
          explicit.orElseThrow(
              () ->
                  new InputException(
                      recordName,
                      "/stages/triage",
                      "no triage decisions in the record; run triage first or name the approved units"));
      return new Approvals(known(record, ids, recordName), false);
    }
    Set<String> approved = new LinkedHashSet<>();
    Set<String> emergency = new LinkedHashSet<>();
    JsonNode decisions = triage.get().path("decisions");
    for (JsonNode decision : decisions) {
      String unit = decision.path("unitId").asText("");
      if ("approved".equals(decision.path("decision").asText("").toLowerCase(Locale.ROOT))) {
        approved.add(unit);
        if (decision.path("emergency").asBoolean(false)) {
          emergency.add(unit);
        }
      }
    }
    List<String> ids = explicit.orElse(new ArrayList<>(approved));
    for (String id : ids) {
      if (!approved.contains(id)) {
        throw new InputException(
            recordName,
            "/stages/triage",
            "unit " + id + " is not approved by triage; only approved units are deployed");
      }
    }
    if (ids.isEmpty()) {
      throw new InputException(
          recordName, "/stages/triage", "triage approved no unit; nothing to deploy");
    }
    boolean allEmergency = ids.stream().allMatch(id -> emergency.contains(id) && isP0(record, id));
    return new Approvals(known(record, ids, recordName), allEmergency);
  }

  private static boolean isP0(PatchRecord record, String id) {
    return record.unit(id).map(unit -> unit.priority() == Priority.P0).orElse(false);
  }

  private static List<String> known(PatchRecord record, List<String> ids, String recordName) {
    for (String id : ids) {
      if (record.unit(id).isEmpty()) {
        throw new InputException(recordName, "/units", "no unit with id " + id + " in the record");
      }
    }
    return ids;
  }
}
