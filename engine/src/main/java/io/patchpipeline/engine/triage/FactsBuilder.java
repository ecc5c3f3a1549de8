package io.patchpipeline.engine.triage;

import static io.patchpipeline.engine.triage.TriageVariables.*;

import io.patchpipeline.engine.asset.Asset;
import io.patchpipeline.engine.asset.Criticality;
import io.patchpipeline.engine.asset.Exposure;
import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.report.PackageKind;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the {@link UnitFacts} of a remediation unit, one per asset it touches. A unit-wide value
 * is unknown when any of its findings lacks it: a maximum over the known scores alone could hide a
 * higher score, and an unknown value must never look like a low one.
 */
final class FactsBuilder {
  private final PatchRecord record;
  private final AssetLookup assets;
  private final SsvcInputs ssvc;
  private final LocalDate today;
  private final Map<String, UnitFinding> findings = new LinkedHashMap<>();

  FactsBuilder(PatchRecord record, AssetLookup assets, SsvcInputs ssvc, LocalDate today) {
    this.record = record;
    this.assets = assets;
    this.ssvc = ssvc;
    this.today = today;
    record.findings().forEach(f -> findings.put(f.id(), f));
  }

  /**
   * Returns the facts of {@code unit} on each of its assets, in the order the record lists them.
   */
  List<UnitFacts> build(RemediationUnit unit) {
    List<UnitFinding> unitFindings = findingsOf(unit);
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    put(values, unknown, PRIORITY, Optional.of(unit.priority().name()));
    put(values, unknown, CVSS, maxOf(unitFindings, UnitFinding::maxCvss));
    put(values, unknown, EPSS, maxOf(unitFindings, UnitFinding::epss));
    put(values, unknown, PERCENTILE, maxOf(unitFindings, UnitFinding::epssPercentile));
    Optional<Boolean> kev = kev(unitFindings);
    put(values, unknown, KEV, kev);
    put(values, unknown, RANSOMWARE, ransomware(unitFindings, kev));
    put(values, unknown, ECOSYSTEM, text(unit.ecosystem()));
    put(values, unknown, PATCH_TYPE, patchType(unit.kind()));
    put(values, unknown, HAS_FIX, Optional.of(unit.hasFix()));
    put(values, unknown, DAYS_SINCE_PUBLISHED, daysSincePublished(unitFindings));
    put(values, unknown, CVE_COUNT, Optional.of((long) unit.cves().size()));
    put(values, unknown, AUTOMATABLE, ssvc.automatable(unit.cves()));
    put(
        values,
        unknown,
        TECHNICAL_IMPACT,
        ssvc.technicalImpact(unit.cves()).map(i -> i.name().toLowerCase(Locale.ROOT)));
    Map<String, Asset> unitAssets = assetsOf(unitFindings);
    put(values, unknown, ASSET_COUNT, Optional.of((long) unitAssets.size()));
    List<UnitFacts> facts = new ArrayList<>();
    for (Asset asset : unitAssets.values()) {
      Map<String, Object> assetValues = new LinkedHashMap<>(values);
      List<String> assetUnknown = new ArrayList<>(unknown);
      putAsset(assetValues, assetUnknown, asset);
      facts.add(new UnitFacts(unit.id(), asset.id(), assetValues, assetUnknown));
    }
    return facts;
  }

  private List<UnitFinding> findingsOf(RemediationUnit unit) {
    List<UnitFinding> result = new ArrayList<>();
    for (String id : unit.findingIds()) {
      UnitFinding finding = findings.get(id);
      if (finding != null) {
        result.add(finding);
      }
    }
    return result;
  }

  /** Resolves each distinct asset once; a unit without findings gets one unknown asset. */
  private Map<String, Asset> assetsOf(List<UnitFinding> unitFindings) {
    Map<String, Asset> result = new LinkedHashMap<>();
    for (UnitFinding finding : unitFindings) {
      result.computeIfAbsent(finding.assetId(), id -> assets.find(finding));
    }
    if (result.isEmpty()) {
      Asset unknown =
          new Asset("unknown", Criticality.UNKNOWN, "unknown", "", Exposure.UNKNOWN, "", false);
      result.put(unknown.id(), unknown);
    }
    return result;
  }

  private static void putAsset(Map<String, Object> values, List<String> unknown, Asset asset) {
    values.put(ASSET_ID, asset.id());
    boolean known = asset.known();
    put(values, unknown, ASSET_TIER, known ? enumText(asset.criticality()) : Optional.empty());
    put(values, unknown, ASSET_EXPOSURE, known ? enumText(asset.exposure()) : Optional.empty());
    Optional<String> environment =
        known ? text(asset.environment()).filter(e -> !e.equals("unknown")) : Optional.empty();
    put(values, unknown, ASSET_ENVIRONMENT, environment.map(e -> e.toLowerCase(Locale.ROOT)));
  }

  private static Optional<String> enumText(Enum<?> value) {
    return value.name().equals("UNKNOWN")
        ? Optional.empty()
        : Optional.of(value.name().toLowerCase(Locale.ROOT));
  }

  private static Optional<Double> maxOf(
      List<UnitFinding> unitFindings, Function<UnitFinding, Optional<Double>> score) {
    Optional<Double> max = Optional.empty();
    for (UnitFinding finding : unitFindings) {
      Optional<Double> value = score.apply(finding);
      if (value == null || value.isEmpty()) {
        return Optional.empty();
      }
      if (max.isEmpty() || value.get() > max.get()) {
        max = value;
      }
    }
    return max;
  }

  /** Listed when any finding is listed; unknown when a finding's status is unknown and none is. */
  private static Optional<Boolean> kev(List<UnitFinding> unitFindings) {
    boolean unknown = unitFindings.isEmpty();
    for (UnitFinding finding : unitFindings) {
      if (finding.kev() == KevStatus.LISTED) {
        return Optional.of(true);
      }
      unknown |= finding.kev() == null || finding.kev() == KevStatus.UNKNOWN;
    }
    return unknown ? Optional.empty() : Optional.of(false);
  }

  private static Optional<Boolean> ransomware(
      List<UnitFinding> unitFindings, Optional<Boolean> kev) {
    if (unitFindings.stream().anyMatch(UnitFinding::knownRansomwareUse)) {
      return Optional.of(true);
    }
    return kev.map(listed -> false);
  }

  private static Optional<String> patchType(PackageKind kind) {
    return kind == null || kind == PackageKind.UNKNOWN
        ? Optional.empty()
        : Optional.of(kind.name().toLowerCase(Locale.ROOT));
  }

  /** Days since the earliest advisory among the unit's findings was published. */
  private Optional<Long> daysSincePublished(List<UnitFinding> unitFindings) {
    return unitFindings.stream()
        .map(UnitFinding::published)
        .filter(p -> p != null && p.isPresent())
        .map(Optional::get)
        .min(LocalDate::compareTo)
        .map(date -> ChronoUnit.DAYS.between(date, today));
  }

  private static Optional<String> text(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static void put(
      Map<String, Object> values, List<String> unknown, String name, Optional<?> value) {
    if (value.isPresent()) {
      values.put(name, value.get());
    } else {
      unknown.add(name);
    }
  }
}
