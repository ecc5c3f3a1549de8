package io.patchpipeline.engine.verify;

import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.report.Finding;
import io.patchpipeline.engine.report.PackageRef;
import io.patchpipeline.engine.report.ScannerInfo;
import io.patchpipeline.engine.report.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies every unit of a remediation record with installed versions, a re-scan, or both, and
 * decides per unit whether its ticket may be closed. When both methods judge a finding, a "still
 * vulnerable" from either wins, then a "fixed" from either; only two unknowns stay unknown.
 */
public final class VerifyService {

  public VerifyResult verify(PatchRecord record, VerifyOptions options) throws IOException {
    Messages messages = new Messages();
    Map<String, List<FindingVerification>> byFinding = new LinkedHashMap<>();
    if (!options.inventories().isEmpty()) {
      Map<String, HostInventory> inventories = VerifyInputs.inventories(options.inventories());
      warnAboutInventories(record, inventories, messages);
      TargetedCheck check =
          new TargetedCheck(inventories, VerifyInputs.advisories(options.advisories()));
      for (UnitFinding finding : record.findings()) {
        byFinding
            .computeIfAbsent(finding.id(), id -> new ArrayList<>())
            .add(check.check(CheckItem.of(finding)));
      }
    }
    if (!options.rescanReports().isEmpty()) {
      List<Finding> now = VerifyInputs.rescan(options.rescanReports());
      messages.info(
          "Read "
              + now.size()
              + " findings from "
              + options.rescanReports().size()
              + " re-scan reports");
      rescan(record, now, options.scannedTargets())
          .forEach(
              (id, result) -> byFinding.computeIfAbsent(id, k -> new ArrayList<>()).add(result));
    }
    List<FindingVerification> combined = new ArrayList<>();
    byFinding.values().forEach(results -> combined.add(combine(results)));
    List<UnitVerdict> units = new ArrayList<>();
    for (RemediationUnit unit : record.units()) {
      units.add(unitVerdict(unit, record, byFinding));
    }
    VerifyResult.Outcome outcome = outcome(units, options);
    summarize(units, messages);
    return new VerifyResult(units, combined, outcome, messages.list());
  }

  /**
   * Warns about installed-version files that cannot count: a host that no finding of the record
   * names (a typo, or the deploy host in place of the asset id), or a reached host that lists no
   * package and no kernel.
   */
  private static void warnAboutInventories(
      PatchRecord record, Map<String, HostInventory> inventories, Messages messages) {
    Set<String> names = new LinkedHashSet<>();
    for (UnitFinding finding : record.findings()) {
      names.addAll(CheckItem.of(finding).hostNames());
    }
    for (HostInventory inventory : inventories.values()) {
      if (!names.contains(inventory.host())) {
        messages.warning(
            "Installed versions of host '"
                + inventory.host()
                + "' ("
                + inventory.source()
                + ") match no asset or target of the record; name the file after the record's"
                + " asset id or target");
      } else if (inventory.reached()
          && inventory.packages().isEmpty()
          && inventory.runningKernel().isEmpty()) {
        messages.warning(
            "Installed versions of host '"
                + inventory.host()
                + "' ("
                + inventory.source()
                + ") list no package; check that the file holds the command's output");
      }
    }
  }

  /** Judges each record finding by the new scan, per target; any target still affected wins. */
  private static Map<String, FindingVerification> rescan(
      PatchRecord record, List<Finding> now, List<String> scannedTargets) {
    Map<String, String> owner = new LinkedHashMap<>();
    List<Finding> before = new ArrayList<>();
    for (UnitFinding finding : record.findings()) {
      for (String target : finding.targets()) {
        Finding old = asReportFinding(finding, target);
        before.add(old);
        owner.put(FindingKey.of(old).toString(), finding.id());
      }
    }
    Map<String, List<FindingVerification>> perFinding = new LinkedHashMap<>();
    for (FindingVerification result :
        RescanDiff.compare(before, now, scannedTargets).verifications()) {
      String id = owner.get(result.findingId());
      perFinding.computeIfAbsent(id, k -> new ArrayList<>()).add(withId(result, id));
    }
    Map<String, FindingVerification> results = new LinkedHashMap<>();
    perFinding.forEach((id, list) -> results.put(id, worst(list)));
    return results;
  }

  private static Finding asReportFinding(UnitFinding finding, String target) {
    return new Finding(
        finding.cves().isEmpty() ? finding.vulnerabilityId() : finding.cves().get(0),
        finding.cves(),
        new PackageRef(
            finding.packageName(),
            finding.ecosystem(),
            finding.purl(),
            finding.installedVersion(),
            finding.packageKind()),
        finding.fixedVersions(),
        Target.unknown(target),
        new ScannerInfo("", ""),
        Severity.UNKNOWN,
        "",
        List.of(),
        "",
        Optional.empty(),
        "");
  }

  private static FindingVerification withId(FindingVerification result, String id) {
    return new FindingVerification(
        id,
        result.vulnerabilityId(),
        result.packageName(),
        result.host(),
        result.status(),
        result.method(),
        result.installedVersion(),
        result.fixedVersion(),
        result.fixedVersionSource(),
        result.reason());
  }

  /** Returns the first still-vulnerable result, else the first unknown, else the first fixed. */
  private static FindingVerification worst(List<FindingVerification> results) {
    for (VerificationStatus status :
        List.of(VerificationStatus.STILL_VULNERABLE, VerificationStatus.UNKNOWN)) {
      for (FindingVerification result : results) {
        if (result.status() == status) {
          return result;
        }
      }
    }
    return results.get(0);
  }

  /** Returns the first still-vulnerable result, else the first fixed, else the first unknown. */
  static FindingVerification combine(List<FindingVerification> results) {
    for (VerificationStatus status :
        List.of(VerificationStatus.STILL_VULNERABLE, VerificationStatus.FIXED)) {
      for (FindingVerification result : results) {
        if (result.status() == status) {
          return result;
        }
      }
    }
    return results.get(0);
  }

  private static UnitVerdict unitVerdict(
      RemediationUnit unit, PatchRecord record, Map<String, List<FindingVerification>> byFinding) {
    List<String> cves = unit.cves().isEmpty() ? unit.vulnerabilityIds() : unit.cves();
    Map<String, List<VerificationStatus>> verdicts = new LinkedHashMap<>();
    Set<String> methods = new LinkedHashSet<>();
    for (String findingId : unit.findingIds()) {
      Optional<UnitFinding> finding = record.finding(findingId);
      List<FindingVerification> results = byFinding.getOrDefault(findingId, List.of());
      if (finding.isEmpty() || results.isEmpty()) {
        continue;
      }
      FindingVerification result = combine(results);
      results.forEach(r -> methods.add(r.method()));
      List<String> ids =
          finding.get().cves().isEmpty()
              ? List.of(finding.get().vulnerabilityId())
              : finding.get().cves();
      for (String id : ids) {
        verdicts
            .computeIfAbsent(id.toUpperCase(Locale.ROOT), k -> new ArrayList<>())
            .add(result.status());
      }
    }
    return new UnitVerdict(
        unit.id(), cves, ClosureDecision.decide(cves, verdicts), new ArrayList<>(methods));
  }

  private static VerifyResult.Outcome outcome(List<UnitVerdict> units, VerifyOptions options) {
    boolean failing =
        units.stream()
            .anyMatch(
                u ->
                    !u.closure().remaining().isEmpty()
                        || (options.unknownCountsAsRemaining()
                            && !u.closure().unverified().isEmpty()));
    if (!failing) {
      return VerifyResult.Outcome.PASSED;
    }
    return switch (options.onRemaining()) {
      case FAIL -> VerifyResult.Outcome.FAILED;
      case UNSTABLE -> VerifyResult.Outcome.UNSTABLE;
      case IGNORE -> VerifyResult.Outcome.PASSED;
    };
  }

  private static void summarize(List<UnitVerdict> units, Messages messages) {
    long verified = units.stream().filter(UnitVerdict::verified).count();
    long remaining = units.stream().filter(u -> !u.closure().remaining().isEmpty()).count();
    messages.info(
        "Verified "
            + verified
            + " of "
            + units.size()
            + " units; "
            + remaining
            + " still vulnerable, "
            + (units.size() - verified - remaining)
            + " not verified");
    for (UnitVerdict unit : units) {
      if (!unit.verified()) {
        messages.warning("Unit " + unit.unitId() + " " + unit.closure().reason());
      }
    }
  }
}
