package io.patchpipeline.engine.report;

import io.patchpipeline.engine.core.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One vulnerability on one package of one target, in the same shape for every scanner.
 *
 * @param vulnerabilityId the id as reported (CVE, GHSA, RHSA, DLA, DSA, RUSTSEC, GO, TEMP, or a
 *     scanner's own id such as a Nessus plugin id when no CVE is given)
 * @param aliases other ids of the same vulnerability, CVE aliases first where the report gives them
 * @param fixedVersions absent when the report does not say; an empty list when it says that no fix
 *     exists
 * @param severity the vendor severity, normalized; {@code severitySource} names whose it is
 * @param published when the vulnerability was published, where the report says
 * @param report the report file this finding came from, as the user named it
 */
public record Finding(
    String vulnerabilityId,
    List<String> aliases,
    PackageRef pkg,
    Optional<List<String>> fixedVersions,
    Target target,
    ScannerInfo scanner,
    Severity severity,
    String severitySource,
    List<CvssScore> cvss,
    String title,
    Optional<LocalDate> published,
    String report) {

  public Finding {
    vulnerabilityId = Objects.requireNonNull(vulnerabilityId, "vulnerabilityId").trim();
    aliases = List.copyOf(aliases);
    pkg = Objects.requireNonNullElse(pkg, PackageRef.NONE);
    fixedVersions = fixedVersions.map(List::copyOf);
    target = Objects.requireNonNull(target, "target");
    scanner = Objects.requireNonNullElse(scanner, new ScannerInfo("", ""));
    severity = Objects.requireNonNullElse(severity, Severity.UNKNOWN);
    severitySource = Objects.requireNonNullElse(severitySource, "");
    cvss = List.copyOf(cvss);
    title = Objects.requireNonNullElse(title, "");
    report = Objects.requireNonNullElse(report, "");
  }

  /** Returns whether {@code id} is a CVE id ({@code CVE-YYYY-NNNN...}, case-insensitive). */
  public static boolean isCve(String id) {
    return id != null && id.regionMatches(true, 0, "CVE-", 0, 4) && id.length() >= 13;
  }

  /** Returns the CVE ids of this finding: the id itself when it is a CVE, then CVE aliases. */
  public List<String> cveIds() {
    Set<String> ids = new LinkedHashSet<>();
    if (isCve(vulnerabilityId)) {
      ids.add(vulnerabilityId.toUpperCase(Locale.ROOT));
    }
    for (String alias : aliases) {
      if (isCve(alias)) {
        ids.add(alias.toUpperCase(Locale.ROOT));
      }
    }
    return new ArrayList<>(ids);
  }

  /** Returns the first CVE id, else the reported id; two findings with equal keys are one. */
  public String canonicalId() {
    List<String> cves = cveIds();
    return cves.isEmpty() ? vulnerabilityId : cves.get(0);
  }

  /** Returns the highest base score over all sources and versions, or {@code NaN} if none. */
  public double maxCvssScore() {
    return cvss.stream()
        .filter(CvssScore::hasScore)
        .mapToDouble(CvssScore::score)
        .max()
        .orElse(Double.NaN);
  }
}
