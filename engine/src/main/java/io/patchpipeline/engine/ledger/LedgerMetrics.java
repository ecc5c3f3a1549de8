package io.patchpipeline.engine.ledger;

import io.patchpipeline.engine.policy.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures of the ledger's report, computed from its units: mean time to remediate by priority
 * per month of closure, SLA compliance by priority and by team, and the open backlog by age.
 */
public final class LedgerMetrics {
  /** Upper bounds of the backlog age buckets, in days; older units fall into the last bucket. */
  static final List<Integer> AGE_BOUNDS = List.of(7, 30, 90);

  private LedgerMetrics() {}

  /** Mean time to remediate of the units of one priority closed in one month (UTC). */
  public record MttrPoint(YearMonth month, Priority priority, int closed, double meanHours) {}

  /**
   * SLA compliance of one group. Units count once they have an outcome: closed with a due date, or
   * open past it.
   */
  public record Compliance(String group, int met, int breached) {
    /** Returns the share of units that met their SLA, from 0 to 1, or NaN without any outcome. */
    public double ratio() {
      int total = met + breached;
      return total == 0 ? Double.NaN : (double) met / total;
    }
  }

  /** Open units of one priority whose age falls in one bucket, such as {@code 8-30 days}. */
  public record BacklogBucket(String label, Priority priority, int open) {}

  /** Returns MTTR points ordered by month, then priority. */
  public static List<MttrPoint> mttrByPriority(List<LedgerUnit> units) {
    Map<YearMonth, Map<Priority, List<Duration>>> byMonth = new TreeMap<>();
    for (LedgerUnit unit : units) {
      unit.closedAt()
          .ifPresent(
              closed ->
                  byMonth
                      .computeIfAbsent(
                          YearMonth.from(closed.atOffset(ZoneOffset.UTC)), m -> new TreeMap<>())
                      .computeIfAbsent(unit.priority(), p -> new ArrayList<>())
                      .add(Duration.between(unit.detectedAt(), closed)));
    }
    List<MttrPoint> points = new ArrayList<>();
    byMonth.forEach(
        (month, byPriority) ->
            byPriority.forEach(
                (priority, durations) -> {
                  double hours =
                      durations.stream().mapToLong(Duration::toSeconds).average().orElse(0)
                          / 3600.0;
                  points.add(new MttrPoint(month, priority, durations.size(), hours));
                }));
    return points;
  }

  public static List<Compliance> complianceByPriority(List<LedgerUnit> units) {
    return compliance(units, unit -> unit.priority().name());
  }

  /** Returns compliance per team; units without an owner count under {@code (no team)}. */
  public static List<Compliance> complianceByTeam(List<LedgerUnit> units) {
    return compliance(units, unit -> unit.team().isEmpty() ? "(no team)" : unit.team());
  }

  private static List<Compliance> compliance(
      List<LedgerUnit> units, Function<LedgerUnit, String> group) {
    Map<String, int[]> counts = new TreeMap<>();
    for (LedgerUnit unit : units) {
      unit.outcome()
          .ifPresent(
              outcome ->
                  counts
                      .computeIfAbsent(group.apply(unit), g -> new int[2])[
                      outcome == SlaOutcome.MET ? 0 : 1]++);
    }
    List<Compliance> result = new ArrayList<>();
    counts.forEach((name, count) -> result.add(new Compliance(name, count[0], count[1])));
    return result;
  }

  /**
   * Returns the open units at {@code now} per age bucket ({@code 0-7 days}, {@code 8-30 days},
   * {@code 31-90 days}, {@code over 90 days}) and priority; empty buckets are left out. Age is
   * counted in whole days since detection.
   */
  public static List<BacklogBucket> openBacklogByAge(List<LedgerUnit> units, Instant now) {
    Map<Integer, Map<Priority, Integer>> counts = new TreeMap<>();
    for (LedgerUnit unit : units) {
      if (unit.isOpen() && !unit.detectedAt().isAfter(now)) {
        long days = Duration.between(unit.detectedAt(), now).toDays();
        counts
            .computeIfAbsent(bucketOf(days), b -> new TreeMap<>())
            .merge(unit.priority(), 1, Integer::sum);
      }
    }
    List<BacklogBucket> buckets = new ArrayList<>();
    counts.forEach(
        (bucket, byPriority) ->
            byPriority.forEach(
                (priority, open) -> buckets.add(new BacklogBucket(label(bucket), priority, open))));
    return buckets;
  }

  /** Returns the labels of all age buckets, youngest first. */
  public static List<String> ageLabels() {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i <= AGE_BOUNDS.size(); i++) {
      labels.add(label(i));
    }
    return labels;
  }

  private static int bucketOf(long days) {
    for (int i = 0; i < AGE_BOUNDS.size(); i++) {
      if (days <= AGE_BOUNDS.get(i)) {
        return i;
      }
    }
    return AGE_BOUNDS.size();
  }

  private static String label(int bucket) {
    if (bucket == AGE_BOUNDS.size()) {
      return "over " + AGE_BOUNDS.get(bucket - 1) + " days";
    }
    int from = bucket == 0 ? 0 : AGE_BOUNDS.get(bucket - 1) + 1;
    return from + "-" + AGE_BOUNDS.get(bucket) + " days";
  }
}
