package io.patchpipeline.engine.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the decisions of one run differ from those of an earlier run under the same policy, with the
 * values that changed, such as "3 units newly auto-approved because epss fell".
 *
 * @param changes units whose outcome changed
 * @param added units that the earlier run did not have
 * @param removed units that the earlier run had and this one does not
 */
public record TriageDiff(List<Change> changes, List<String> added, List<String> removed) {

  public TriageDiff {
    changes = List.copyOf(changes);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }

  /**
   * One unit whose outcome changed.
   *
   * @param causes what changed in the values the two deciding rules read, such as {@code epss
   *     fell}; empty when none of them changed
   */
  public record Change(String unitId, Outcome before, Outcome after, List<String> causes) {
    public Change {
      causes = List.copyOf(causes);
    }
  }

  /** Compares {@code after} with the earlier run {@code before}, matching units by id. */
  public static TriageDiff between(Triage.Run before, Triage.Run after) {
    List<Change> changes = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (Map.Entry<String, Verdict> entry : after.verdicts().entrySet()) {
      Verdict was = before.verdicts().get(entry.getKey());
      Verdict now = entry.getValue();
      if (was == null) {
        added.add(entry.getKey());
      } else if (was.outcome() != now.outcome()) {
        changes.add(new Change(entry.getKey(), was.outcome(), now.outcome(), causes(was, now)));
      }
    }
    List<String> removed =
        before.verdicts().keySet().stream()
            .filter(id -> !after.verdicts().containsKey(id))
            .toList();
    return new TriageDiff(changes, added, removed);
  }

  /** Returns one line per group of units that changed the same way for the same reasons. */
  public List<String> lines() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (Change change : changes) {
      String because =
          change.causes().isEmpty() ? "" : " because " + String.join(" and ", change.causes());
      String key =
          verb(change.after()) + " (before: " + change.before().policyName() + ")" + because;
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(change.unitId());
    }
    List<String> lines = new ArrayList<>();
    groups.forEach(
        (key, ids) -> lines.add(count(ids.size()) + " " + key + ": " + String.join(", ", ids)));
    if (!added.isEmpty()) {
      lines.add(count(added.size()) + " new since the earlier record: " + String.join(", ", added));
    }
    if (!removed.isEmpty()) {
      lines.add(count(removed.size()) + " no longer in the record: " + String.join(", ", removed));
    }
    return lines;
  }

  private static String count(int units) {
    return units == 1 ? "1 unit" : units + " units";
  }

  private static String verb(Outcome after) {
    return switch (after) {
      case AUTO_APPROVED -> "newly auto-approved";
      case NEEDS_APPROVAL -> "newly sent for approval";
      case DEFERRED -> "newly deferred";
      case EMERGENCY -> "newly raised to emergency";
    };
  }

  private static List<String> causes(Verdict was, Verdict now) {
    Set<String> read = new LinkedHashSet<>();
    was.rule().ifPresent(r -> read.addAll(r.reads()));
    now.rule().ifPresent(r -> read.addAll(r.reads()));
    List<String> causes = new ArrayList<>();
    for (String name : read.stream().sorted().toList()) {
      Object before = was.facts().values().get(name);
      Object after = now.facts().values().get(name);
      if (!Objects.equals(before, after)) {
        causes.add(cause(name, before, after));
      }
    }
    return causes;
  }

  private static String cause(String name, Object before, Object after) {
    if (before == null) {
      return name + " became known";
    }
    if (after == null) {
      return name + " became unknown";
    }
    if (before instanceof Number b && after instanceof Number a) {
      return a.doubleValue() < b.doubleValue() ? name + " fell" : name + " rose";
    }
    return name + " changed from " + before + " to " + after;
  }
}
