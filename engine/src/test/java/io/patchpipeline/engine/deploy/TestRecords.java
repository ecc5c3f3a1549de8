package io.patchpipeline.engine.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.Complexity;
import io.patchpipeline.engine.record.InputFile;
import io.patchpipeline.engine.record.IntelInfo;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.report.PackageKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds small remediation records for deploy tests. */
final class TestRecords {
  private TestRecords() {}

  static RemediationUnit unit(
      String id,
      String name,
      PackageKind kind,
      String fixed,
      String installed,
      Priority priority,
      List<String> assets) {
    return new RemediationUnit(
        id,
        "key-" + id,
        "web",
        name,
        "debian",
        kind,
        fixed,
        List.of(installed),
        List.of("CVE-2024-0727"),
        List.of("CVE-2024-0727"),
        assets,
        assets,
        List.of("ops"),
        priority,
        Instant.parse("2026-03-10T00:00:00Z"),
        true,
        "High",
        false,
        Optional.of(7.5),
        Optional.of(0.3),
        Complexity.values()[0],
        List.of(),
        List.of());
  }

  static PatchRecord record(RemediationUnit... units) {
    return new PatchRecord(
        PatchRecord.SCHEMA_VERSION,
        "run-1",
        Instant.parse("2026-03-01T00:00:00Z"),
        List.of(new InputFile("scan.json", "report", "00", "trivy", "trivy", 1)),
        IntelInfo.NONE,
        new InputFile("built-in default", "policy", "", "", "", 0),
        List.of(),
        List.of(),
        List.of(units),
        List.of(),
        List.of(),
        Map.of());
  }

  /** Adds a triage section approving {@code ids}; {@code emergency} marks them emergency. */
  static PatchRecord approved(PatchRecord record, boolean emergency, String... ids) {
    ObjectNode triage = Json.mapper().createObjectNode();
    ArrayNode decisions = triage.putArray("decisions");
    for (String id : ids) {
      decisions
          .addObject()
          .put("unitId", id)
          .put("decision", "APPROVED")
          .put("emergency", emergency);
    }
    return record.withStage("triage", triage);
  }
}
