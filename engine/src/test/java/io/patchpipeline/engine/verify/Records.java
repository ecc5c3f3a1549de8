package io.patchpipeline.engine.verify;

import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.Complexity;
import io.patchpipeline.engine.record.InputFile;
import io.patchpipeline.engine.record.IntelInfo;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.report.PackageKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small remediation records for verification tests. */
public final class Records {
  private Records() {}

  public static UnitFinding finding(
      String id, String cve, String pkg, String installed, String fixed, String host) {
    return new UnitFinding(
        id,
        cve,
        List.of(cve),
        List.of(),
        pkg,
        "debian",
        "",
        PackageKind.OS,
        installed,
        Optional.of(List.of(fixed)),
        List.of(host),
        "HOST",
        host,
        "web",
        "team-web",
        Severity.HIGH,
        "nvd",
        Optional.of(7.5),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        KevStatus.NOT_LISTED,
        Optional.empty(),
        false,
        Priority.P1,
        Instant.parse("2026-02-01T00:00:00Z"),
        true,
        "default-p1",
        Map.of(),
        List.of("scan.json"),
        List.of("trivy"),
        Optional.empty(),
        "");
  }

  public static RemediationUnit unit(String id, String pkg, List<UnitFinding> findings) {
    List<String> cves = findings.stream().flatMap(f -> f.cves().stream()).distinct().toList();
    return new RemediationUnit(
        id,
        "web|debian|" + pkg,
        "web",
        pkg,
        "debian",
        PackageKind.OS,
        findings.get(0).fixedVersions().orElseThrow().get(0),
        List.of(findings.get(0).installedVersion()),
        cves,
        cves,
        List.of("web1"),
        List.of("web1"),
        List.of("team-web"),
        Priority.P1,
        Instant.parse("2026-02-01T00:00:00Z"),
        true,
        "High",
        false,
        Optional.of(7.5),
        Optional.empty(),
        Complexity.LOW,
        List.of(),
        findings.stream().map(UnitFinding::id).toList());
  }

  public static PatchRecord record(List<UnitFinding> findings, List<RemediationUnit> units) {
    return record(findings, units, List.of());
  }

  /** Returns a record that read {@code inputs}. */
  public static PatchRecord record(
      List<UnitFinding> findings, List<RemediationUnit> units, List<InputFile> inputs) {
    return new PatchRecord(
        PatchRecord.SCHEMA_VERSION,
        "run-1",
        Instant.parse("2026-01-01T00:00:00Z"),
        inputs,
        IntelInfo.NONE,
        new InputFile("built-in default", "policy", "", "", "", 0),
        findings,
        List.of(),
        units,
        List.of(),
        List.of(),
        Map.of());
  }
}
