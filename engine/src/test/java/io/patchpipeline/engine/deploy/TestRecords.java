package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.Complexity;
import io.patchpipeline.engine.record.InputFile;
import io.patchpipeline.engine.record.IntelInfo;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.report.PackageKind;
import io.patchpipeline.engine.triage.Approval;
import io.patchpipeline.engine.triage.Outcome;
import io.patchpipeline.engine.triage.TriageDecision;
import io.patchpipeline.engine.triage.TriageRecords;
import io.patchpipeline.engine.triage.TriageSection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

  /**
   * Adds a triage section whose policy approved {@code ids}; {@code emergency} adds a person's
   * approval to skip the canary for them.
   */
  static PatchRecord approved(PatchRecord record, boolean emergency, String... ids) {
    return TriageRecords.write(record, triage(emergency, ids));
  }

  static TriageSection triage(boolean emergency, String... ids) {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    List<TriageDecision> decisions = new ArrayList<>();
    for (String id : ids) {
      decisions.add(
          new TriageDecision(
              id,
              "P1",
              Outcome.AUTO_APPROVED,
              "routine",
              "epss < 0.2",
              Map.of(),
              List.of(),
              "routine fix",
              "",
              "",
              Optional.empty(),
              Optional.empty(),
              "",
              Optional.empty(),
              "",
              "built-in",
              "",
              TriageDecision.BY_POLICY,
              at));
    }
    List<Approval> approvals =
        emergency
            ? List.of(
                new Approval(
                    List.of(ids),
                    "alice",
                    "outage risk",
                    Approval.Channel.CLI,
                    Approval.Kind.EMERGENCY_BYPASS,
                    false,
                    false,
                    at))
            : List.of();
    return new TriageSection(
        TriageSection.SCHEMA_VERSION,
        "default",
        "",
        "built-in",
        "",
        at,
        Optional.empty(),
        List.of(),
        Set.of(),
        decisions,
        approvals,
        List.of());
  }
}
