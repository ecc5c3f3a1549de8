package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an approver and a Jenkinsfile need from a triage run: approved, pending and deferred unit
 * ids, one line per pending unit (CVEs, KEV, EPSS, assets, rule), and the approver groups. Lists
 * are capped at {@link #MAX_LISTED} entries; the record keeps everything.
 *
 * @param approvers the approver groups of the pending units, comma-separated as the input step's
 *     {@code submitter} takes them
 */
public record TriageSummary(
    List<String> approved,
    List<String> pending,
    List<String> pendingLines,
    String approvers,
    List<String> deferred,
    List<String> emergencies,
    List<String> canaryBypass,
    int units) {

  public static final int MAX_LISTED = 200;
  private static final int CVES_SHOWN = 5;
  private static final int ASSETS_SHOWN = 3;

  public static TriageSummary of(PatchRecord record, TriageSection section) {
    List<String> pending = section.pendingIds();
    List<String> lines = new ArrayList<>();
    Set<String> groups = new LinkedHashSet<>();
    for (String id : cap(pending)) {
      TriageDecision decision = section.decision(id).orElseThrow();
      groups.add(decision.approvers());
      record.unit(id).ifPresent(unit -> lines.add(line(unit, decision)));
    }
    List<String> deferred = new ArrayList<>();
    for (String id : cap(section.deferredIds())) {
      TriageDecision decision = section.decision(id).orElseThrow();
      deferred.add(
          id
              + " until "
              + decision.reviewDate().map(Object::toString).orElse("review")
              + ": "
              + decision.reason());
    }
    List<String> emergencies =
        section.decisions().stream()
            .filter(d -> d.outcome() == Outcome.EMERGENCY)
            .map(TriageDecision::unitId)
            .toList();
    groups.remove("");
    return new TriageSummary(
        cap(section.approvedIds()),
        cap(pending),
        lines,
        String.join(",", groups),
        deferred,
        cap(emergencies),
        cap(section.canaryBypassIds()),
        section.decisions().size());
  }

  /** Returns the line an approver reads for one pending unit. */
  static String line(RemediationUnit unit, TriageDecision decision) {
    String kev = decision.values().getOrDefault(TriageVariables.KEV, unit.kev() ? "true" : "");
    return unit.id()
        + " "
        + unit.priority()
        + " "
        + unit.componentName()
        + (unit.hasFix() ? " -> " + unit.fixedVersion() : " (no fix)")
        + ": "
        + shortList(unit.cves(), CVES_SHOWN)
        + "; KEV "
        + (kev.isEmpty() ? "false" : kev)
        + "; EPSS "
        + unit.maxEpss().map(e -> String.format(Locale.ROOT, "%.3f", e)).orElse("unknown")
        + "; assets "
        + unit.assets().size()
        + " ("
        + shortList(unit.assets(), ASSETS_SHOWN)
        + "); rule "
        + decision.ruleId()
        + (decision.unknown().isEmpty()
            ? ""
            : " (unknown: " + String.join(", ", decision.unknown()) + ")")
        + "; approvers "
        + decision.approvers();
  }

  /** Returns the summary as plain maps, lists, strings and numbers for a Jenkinsfile. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("units", units);
    map.put("approved", new ArrayList<>(approved));
    map.put("pending", new ArrayList<>(pending));
    map.put("pendingLines", new ArrayList<>(pendingLines));
    map.put("approvers", approvers);
    map.put("deferred", new ArrayList<>(deferred));
    map.put("emergencies", new ArrayList<>(emergencies));
    map.put("canaryBypass", new ArrayList<>(canaryBypass));
    map.put("needsApproval", !pending.isEmpty());
    return map;
  }

  private static String shortList(List<String> values, int shown) {
    if (values.size() <= shown) {
      return String.join(", ", values);
    }
    return String.join(", ", values.subList(0, shown))
        + " and "
        + (values.size() - shown)
        + " more";
  }

  private static List<String> cap(List<String> values) {
    return new ArrayList<>(values.subList(0, Math.min(MAX_LISTED, values.size())));
  }
}
