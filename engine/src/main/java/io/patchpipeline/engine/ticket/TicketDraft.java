package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.Complexity;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.record.UnitFinding;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The ticket a remediation unit should have, independent of the ticket system: what the engineer
 * needs to patch, and the dedup key that finds the ticket again on the next run.
 *
 * @param dedupKey the unit's key as a ticket system stores it, see {@link DedupKeys}
 * @param installedVersions the versions found on the assets
 * @param dueDate the SLA due date (UTC)
 */
public record TicketDraft(
    String unitId,
    String dedupKey,
    String summary,
    Priority priority,
    LocalDate dueDate,
    String packageName,
    String assetGroup,
    String fixedVersion,
    List<String> installedVersions,
    List<CveLine> cves,
    List<String> assets,
    Complexity complexity,
    List<String> complexityReasons) {

  private static final int MAX_SUMMARY = 250;

  public TicketDraft {
    installedVersions = List.copyOf(installedVersions);
    cves = List.copyOf(cves);
    assets = List.copyOf(assets);
    complexityReasons = List.copyOf(complexityReasons);
  }

  /** Builds the draft of {@code unit} with the threat data of its findings in {@code record}. */
  public static TicketDraft of(PatchRecord record, RemediationUnit unit) {
    Map<String, CveLine> lines = new LinkedHashMap<>();
    for (String findingId : unit.findingIds()) {
      record.finding(findingId).ifPresent(f -> addLines(lines, f));
    }
    for (String cve : unit.cves()) {
      lines.putIfAbsent(
          cve,
          new CveLine(
              cve,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              KevStatus.UNKNOWN,
              Optional.empty()));
    }
    List<CveLine> sorted = new ArrayList<>(lines.values());
    sorted.sort(Comparator.comparing(CveLine::id));
    return new TicketDraft(
        unit.id(),
        DedupKeys.of(unit.key()),
        summary(unit, sorted.size()),
        unit.priority(),
        unit.dueDate().atZone(ZoneOffset.UTC).toLocalDate(),
        unit.componentName(),
        unit.assetGroup(),
        unit.fixedVersion(),
        new ArrayList<>(new TreeSet<>(unit.installedVersions())),
        sorted,
        new ArrayList<>(new TreeSet<>(unit.assets())),
        unit.complexity(),
        unit.complexityReasons());
  }

  private static void addLines(Map<String, CveLine> lines, UnitFinding finding) {
    List<String> ids =
        finding.cves().isEmpty() ? List.of(finding.vulnerabilityId()) : finding.cves();
    for (String id : ids) {
      CveLine line =
          new CveLine(
              id,
              finding.maxCvss(),
              finding.epss(),
              finding.epssPercentile(),
              finding.kev(),
              finding.kevDueDate());
      lines.merge(id, line, TicketDraft::richer);
    }
  }

  /** Keeps the line with more threat data when two findings report the same CVE. */
  private static CveLine richer(CveLine a, CveLine b) {
    int scoreA = (a.cvss().isPresent() ? 1 : 0) + (a.epss().isPresent() ? 1 : 0);
    int scoreB = (b.cvss().isPresent() ? 1 : 0) + (b.epss().isPresent() ? 1 : 0);
    return scoreB > scoreA || b.kev() == KevStatus.LISTED && a.kev() != KevStatus.LISTED ? b : a;
  }

  private static String summary(RemediationUnit unit, int cveCount) {
    String target = unit.hasFix() ? " to " + unit.fixedVersion() : " (no fixed version yet)";
    String text =
        "["
            + unit.priority()
            + "] Upgrade "
            + unit.componentName()
            + target
            + " on "
            + unit.assetGroup()
            + " ("
            + cveCount
            + (cveCount == 1 ? " CVE)" : " CVEs)");
    return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 3) + "...";
  }

  public boolean hasFix() {
    return !fixedVersion.isEmpty();
  }

  public List<String> cveIds() {
    return cves.stream().map(CveLine::id).toList();
  }

  /** Returns whether any CVE of the ticket is in the CISA KEV catalog. */
  public boolean kev() {
    return cves.stream().anyMatch(c -> c.kev() == KevStatus.LISTED);
  }

  /**
   * Returns the hash of what makes a ticket change: CVEs with KEV status, assets, priority, due
   * date and fixed version. Daily EPSS drift alone changes no ticket.
   */
  public String materialHash() {
    StringBuilder text = new StringBuilder();
    text.append(priority).append('|').append(dueDate).append('|').append(fixedVersion);
    for (CveLine cve : cves) {
      text.append('|').append(cve.id()).append(':').append(cve.kev());
    }
    for (String asset : assets) {
      text.append("|a:").append(asset);
    }
    return Hashing.sha256(text.toString()).substring(0, 32);
  }

  /** Returns the state a ticket has after it was written from this draft. */
  public SyncState state() {
    return new SyncState(priority, priority, dueDate, cveIds(), assets, materialHash());
  }
}
