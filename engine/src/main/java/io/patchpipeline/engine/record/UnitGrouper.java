package io.patchpipeline.engine.record;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.report.PackageKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Groups findings into remediation units: one unit per asset group and package (or, for a finding
 * without a package, per asset group and vulnerability), because one upgrade of that package on
 * that group fixes all of them.
 */
public final class UnitGrouper {
  private UnitGrouper() {}

  /**
   * Groups {@code findings}; {@code ticketPriority} names the ticket system's priority for a unit's
   * priority. Units come out ordered by priority, then due date, then id.
   */
  public static List<RemediationUnit> group(
      List<UnitFinding> findings, Function<Priority, String> ticketPriority) {
    Map<String, List<UnitFinding>> byKey = new LinkedHashMap<>();
    for (UnitFinding finding : findings) {
      byKey.computeIfAbsent(dedupKey(finding), k -> new ArrayList<>()).add(finding);
    }
    List<RemediationUnit> units = new ArrayList<>();
    byKey.forEach((key, members) -> units.add(unit(key, members, ticketPriority)));
    units.sort(
        Comparator.comparing(RemediationUnit::priority)
            .thenComparing(RemediationUnit::dueDate)
            .thenComparing(RemediationUnit::id));
    return units;
  }

  /**
   * Returns the unit key of a finding: a hash of asset group, ecosystem and package name (or the
   * vulnerability when there is no package). It does not depend on versions or scan dates, so the
   * same assets scanned again give the same key.
   */
  public static String dedupKey(UnitFinding finding) {
    String what =
        finding.packageName().isEmpty()
            ? "vulnerability\u0000" + finding.vulnerabilityId()
            : "package\u0000" + finding.ecosystem() + "\u0000" + finding.packageName();
    return Hashing.sha256(finding.assetGroup() + "\u0000" + what).substring(0, 24);
  }

  private static RemediationUnit unit(
      String key, List<UnitFinding> members, Function<Priority, String> ticketPriority) {
    UnitFinding first = members.get(0);
    Priority priority = first.priority();
    Instant due = first.dueDate();
    boolean needsTicket = false;
    boolean kev = false;
    boolean noFix = false;
    Optional<Double> maxCvss = Optional.empty();
    Optional<Double> maxEpss = Optional.empty();
    TreeSet<String> fixed = new TreeSet<>(VersionStep::roughCompare);
    TreeSet<String> installed = new TreeSet<>();
    TreeSet<String> ids = new TreeSet<>();
    TreeSet<String> cves = new TreeSet<>();
    TreeSet<String> assets = new TreeSet<>();
    TreeSet<String> targets = new TreeSet<>();
    TreeSet<String> owners = new TreeSet<>();
    List<String> findingIds = new ArrayList<>();
    for (UnitFinding f : members) {
      priority = f.priority().isAtLeast(priority) ? f.priority() : priority;
      due = f.dueDate().isBefore(due) ? f.dueDate() : due;
      needsTicket |= f.needsTicket();
      kev |= f.kev() == KevStatus.LISTED;
      maxCvss = max(maxCvss, f.maxCvss());
      maxEpss = max(maxEpss, f.epss());
      if (f.fixedVersions().map(List::isEmpty).orElse(true)) {
        noFix = true;
      } else {
        fixed.addAll(f.fixedVersions().get());
      }
      if (!f.installedVersion().isEmpty()) {
        installed.add(f.installedVersion());
      }
      ids.add(f.vulnerabilityId());
      cves.addAll(f.cves());
      assets.add(f.assetId());
      targets.addAll(f.targets());
      if (!f.owner().isEmpty()) {
        owners.add(f.owner());
      }
      findingIds.add(f.id());
    }
    String fixedVersion = noFix || fixed.isEmpty() ? "" : fixed.last();
    PackageKind kind = first.packageKind();
    ComplexityEstimate complexity =
        ComplexityEstimate.of(kind, List.copyOf(installed), fixedVersion, assets.size());
    return new RemediationUnit(
        "PP-" + key.substring(0, 10),
        key,
        first.assetGroup(),
        first.packageName(),
        first.ecosystem(),
        kind,
        fixedVersion,
        List.copyOf(installed),
        List.copyOf(ids),
        List.copyOf(cves),
        List.copyOf(assets),
        List.copyOf(targets),
        List.copyOf(owners),
        priority,
        due,
        needsTicket,
        ticketPriority.apply(priority),
        kev,
        maxCvss,
        maxEpss,
        complexity.level(),
        complexity.reasons(),
        findingIds);
  }

  private static Optional<Double> max(Optional<Double> a, Optional<Double> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(Math.max(a.get(), b.get()));
  }
}
