package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.triage.TriageRecords;
import io.patchpipeline.engine.triage.TriageSection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The units a rollout may deploy, and whether a P0 emergency may skip the canary waves.
 *
 * <p>The record's {@code triage} section decides: a unit is deployed only when the policy approved
 * it or a person did ({@link TriageSection#approvedIds}). An explicit list of unit ids narrows that
 * list and may not name a unit that triage did not approve. Without a triage section the explicit
 * list is the approval, and no emergency is possible. The canary waves are skipped only when every
 * deployed unit is P0 and has its own emergency approval ({@link TriageSection#canaryBypassIds}).
 */
public record Approvals(List<String> unitIds, boolean emergency) {
  public Approvals {
    unitIds = List.copyOf(unitIds);
  }

  public static Approvals resolve(
      PatchRecord record, Optional<List<String>> explicit, String recordName) {
    Optional<TriageSection> triage = TriageRecords.read(record, recordName);
    if (triage.isEmpty()) {
      List<String> ids =
          explicit.orElseThrow(
              () ->
                  new InputException(
                      recordName,
                      "/stages/triage",
                      "no triage decisions in the record; run triage first or name the approved"
                          + " units"));
      return new Approvals(known(record, ids, recordName), false);
    }
    List<String> approved = triage.get().approvedIds();
    List<String> ids = explicit.orElse(approved);
    for (String id : ids) {
      if (record.unit(id).isEmpty()) {
        throw new InputException(
            recordName,
            "/units",
            id.isBlank()
                ? "an empty unit id was given; expected unit ids such as PP-0123456789"
                : "no such unit '" + id + "' in the record; check the unit id");
      }
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
    Set<String> bypass = Set.copyOf(triage.get().canaryBypassIds());
    boolean emergency = ids.stream().allMatch(id -> bypass.contains(id) && isP0(record, id));
    return new Approvals(known(record, ids, recordName), emergency);
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
