package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.asset.Asset;
import io.patchpipeline.engine.asset.Criticality;
import io.patchpipeline.engine.asset.Exposure;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.Complexity;
import io.patchpipeline.engine.record.IntelInfo;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.report.PackageKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds small records for triage tests: one finding per unit unless a test adds more. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  static final IntelInfo INTEL =
      new IntelInfo(
          "v2025.03.14",
          Optional.of(LocalDate.parse("2026-12-03")),
          300_000,
          "2026.12.02",
          Optional.of(LocalDate.parse("2026-12-02")),
          1_500);

  private final List<UnitFinding> findings = new ArrayList<>();
  private final List<RemediationUnit> units = new ArrayList<>();
  private final Map<String, Asset> assets = new HashMap<>();
  private Instant createdAt = NOW;

  static Asset asset(String id, String tier, String environment, String exposure) {
    return new Asset(
        id, Criticality.parse(tier), environment, "team", Exposure.parse(exposure), id, true);
  }

  Fixtures createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  Fixtures asset(Asset asset) {
    assets.put(asset.id(), asset);
    return this;
  }

  /** A finding on {@code assetId} with the given scores; null means unknown. */
  static UnitFinding finding(
      String id, String cve, String assetId, Double cvss, Double epss, KevStatus kev) {
    return new UnitFinding(
        id,
        cve,
        List.of(cve),
        List.of(),
        "openssl",
        "debian",
        "pkg:deb/debian/openssl@3.0.2",
        PackageKind.OS,
        "3.0.2",
        Optional.of(List.of("3.0.7")),
        List.of(assetId),
        "HOST",
        assetId,
        "group",
        "team",
        Severity.HIGH,
        "nvd",
        Optional.ofNullable(cvss),
        List.of(),
        Optional.ofNullable(epss),
        Optional.ofNullable(epss).map(e -> Math.min(1.0, e + 0.5)),
        kev,
        kev == KevStatus.LISTED ? Optional.of(LocalDate.parse("2026-12-20")) : Optional.empty(),
        false,
        Priority.P2,
        NOW.plusSeconds(86_400),
        false,
        "cvss-high",
        Map.of(),
        List.of("trivy.json"),
        List.of("trivy"),
        Optional.of(LocalDate.parse("2026-11-24")),
        "OpenSSL flaw");
  }

  /** Adds a unit made of {@code unitFindings}, with the unit-level values derived from them. */
  Fixtures unit(String id, Priority priority, boolean hasFix, UnitFinding... unitFindings) {
    List<UnitFinding> list = List.of(unitFindings);
    findings.addAll(list);
    units.add(
        new RemediationUnit(
            id,
            "key-" + id,
            "group",
            "openssl",
            "debian",
            PackageKind.OS,
            hasFix ? "3.0.7" : "",
            List.of("3.0.2"),
            list.stream().map(UnitFinding::vulnerabilityId).toList(),
            list.stream().map(UnitFinding::vulnerabilityId).distinct().toList(),
            list.stream().map(UnitFinding::assetId).distinct().toList(),
            list.stream().flatMap(f -> f.targets().stream()).distinct().toList(),
            List.of("team"),
            priority,
            NOW.plusSeconds(86_400),
            true,
            "High",
            list.stream().anyMatch(f -> f.kev() == KevStatus.LISTED),
            list.stream().map(UnitFinding::maxCvss).flatMap(Optional::stream).max(Double::compare),
            list.stream().map(UnitFinding::epss).flatMap(Optional::stream).max(Double::compare),
            Complexity.LOW,
            List.of(),
            list.stream().map(UnitFinding::id).toList()));
    return this;
  }

  /** Adds a one-finding unit {@code id} on {@code assetId}. */
  Fixtures unit(
      String id, Priority priority, String assetId, Double cvss, Double epss, KevStatus kev) {
    return unit(id, priority, true, finding("f-" + id, "CVE-2026-" + id, assetId, cvss, epss, kev));
  }

  PatchRecord record() {
    return new PatchRecord(
        PatchRecord.SCHEMA_VERSION,
        "run-1",
        createdAt,
        List.of(),
        INTEL,
        null,
        findings,
        List.of(),
        units,
        List.of(),
        List.of(),
        Map.of());
  }

  AssetLookup assets() {
    Map<String, Asset> copy = Map.copyOf(assets);
    return finding -> copy.getOrDefault(finding.assetId(), AssetLookup.none().find(finding));
  }
}
