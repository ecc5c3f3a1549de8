package io.patchpipeline.engine.verify;

import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.report.Finding;
import io.patchpipeline.engine.report.PackageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding to verify on one host.
 *
 * @param findingId the record's finding id, or the finding key of a report
 * @param hostNames names the host may be known by in an inventory (host name, IP, asset id)
 * @param fixedVersions the scanner's fixed versions; absent when the scanner did not say
 */
public record CheckItem(
    String findingId,
    String vulnerabilityId,
    List<String> cves,
    String packageName,
    String ecosystem,
    PackageKind kind,
    List<String> hostNames,
    Optional<List<String>> fixedVersions) {

  public CheckItem {
    findingId = Objects.requireNonNull(findingId, "findingId");
    vulnerabilityId = Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
    cves = List.copyOf(cves);
    packageName = Objects.requireNonNullElse(packageName, "");
    ecosystem = Objects.requireNonNullElse(ecosystem, "");
    kind = Objects.requireNonNullElse(kind, PackageKind.UNKNOWN);
    hostNames = List.copyOf(hostNames);
    fixedVersions =
        Objects.requireNonNullElse(fixedVersions, Optional.<List<String>>empty()).map(List::copyOf);
  }

  /** Creates the item for a finding of the remediation record. */
  public static CheckItem of(UnitFinding finding) {
    List<String> names = new ArrayList<>(finding.targets());
    if (!finding.assetId().isEmpty()) {
      names.add(finding.assetId());
    }
    return new CheckItem(
        finding.id(),
        finding.vulnerabilityId(),
        finding.cves(),
        finding.packageName(),
        finding.ecosystem(),
        finding.packageKind(),
        names,
        finding.fixedVersions());
  }

  /** Creates the item for a finding read from a report, keyed as a re-scan keys it. */
  public static CheckItem of(Finding finding) {
    List<String> names = new ArrayList<>();
    for (String name :
        List.of(finding.target().name(), finding.target().hostname(), finding.target().ip())) {
      if (!name.isEmpty() && !names.contains(name)) {
        names.add(name);
      }
    }
    return new CheckItem(
        FindingKey.of(finding).toString(),
        finding.vulnerabilityId(),
        finding.cveIds(),
        finding.pkg().name(),
        finding.pkg().ecosystem(),
        finding.pkg().kind(),
        names,
        finding.fixedVersions());
  }
}
