package io.patchpipeline.engine.ticket;

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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds records with remediation units for ticket tests. */
final class TestRecords {
  static final Instant CREATED = Instant.parse("2026-12-01T08:00:00Z");

  private TestRecords() {}

  /** Builds a record with one unit per spec, each finding on asset {@code web-1}. */
  static PatchRecord record(List<UnitSpec> specs) {
    List<UnitFinding> findings = new ArrayList<>();
    List<RemediationUnit> units = new ArrayList<>();
    for (UnitSpec spec : specs) {
      List<String> findingIds = new ArrayList<>();
      for (String cve : spec.cves()) {
        String id = "F-" + spec.packageName() + "-" + cve;
        findingIds.add(id);
        findings.add(finding(id, cve, spec));
      }
      units.add(unit(spec, findingIds));
    }
    return new PatchRecord(
        PatchRecord.SCHEMA_VERSION,
        "run-1",
        CREATED,
        List.of(new InputFile("scan.json", "report", "00", "trivy", "Trivy", findings.size())),
        IntelInfo.NONE,
        new InputFile("built-in default", "policy", "", "", "", 0),
        findings,
        List.of(),
        units,
        List.of(),
        List.of(),
        Map.of());
  }

  static PatchRecord units(int count) {
    List<UnitSpec> specs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      specs.add(spec("pkg" + i, Priority.P1, "CVE-2026-" + (10000 + i)));
    }
    return record(specs);
  }

  static UnitSpec spec(String packageName, Priority priority, String... cves) {
    return new UnitSpec(packageName, priority, List.of(cves), List.of("web-1", "web-2"));
  }

  /** What a test unit contains. */
  record UnitSpec(String packageName, Priority priority, List<String> cves, List<String> assets) {
    UnitSpec withAssets(String... values) {
      return new UnitSpec(packageName, priority, cves, List.of(values));
    }
  }

  private static UnitFinding finding(String id, String cve, UnitSpec spec) {
    boolean kev = cve.endsWith("1");
    return new UnitFinding(
        id,
        cve,
        List.of(cve),
        List.of(),
        spec.packageName(),
        "npm",
        "pkg:npm/" + spec.packageName() + "@1.0.0",
        PackageKind.LIBRARY,
        "1.0.0",
        Optional.of(List.of("1.2.3")),
        List.of("app:latest"),
        "image",
        "web-1",
        "web",
        "team-web",
        Severity.HIGH,
        "nvd",
        Optional.of(8.1),
        List.of(),
        Optional.of(0.4321),
        Optional.of(0.97),
        kev ? KevStatus.LISTED : KevStatus.NOT_LISTED,
        kev ? Optional.of(LocalDate.parse("2026-12-20")) : Optional.empty(),
        false,
        spec.priority(),
        due(spec.priority()),
        true,
        "kev",
        Map.of(),
        List.of("scan.json"),
        List.of("Trivy"),
        Optional.empty(),
        "Test vulnerability " + cve);
  }

  private static RemediationUnit unit(UnitSpec spec, List<String> findingIds) {
    return new RemediationUnit(
        "PP-" + spec.packageName(),
        "web|npm|" + spec.packageName(),
        "web",
        spec.packageName(),
        "npm",
        PackageKind.LIBRARY,
        "1.2.3",
        List.of("1.0.0"),
        spec.cves(),
        spec.cves(),
        spec.assets(),
        List.of("app:latest"),
        List.of("team-web"),
        spec.priority(),
        due(spec.priority()),
        true,
        "High",
        spec.cves().stream().anyMatch(c -> c.endsWith("1")),
        Optional.of(8.1),
        Optional.of(0.4321),
        Complexity.MEDIUM,
        List.of("minor version upgrade", "service restart needed"),
        findingIds);
  }

  private static Instant due(Priority priority) {
    return CREATED.plus(
        switch (priority) {
          case P0 -> 1;
          case P1 -> 30;
          case P2 -> 90;
          case P3 -> 180;
        },
        ChronoUnit.DAYS);
  }
}
