package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.deploy.health.Sample;
import io.patchpipeline.engine.deploy.tool.HostResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders {@link RolloutEvent}s as plain text for ticket comments and change request work notes.
 * Every text ends with the event key, so a person can tell a resent comment from a new one.
 */
public final class RolloutComments {
  /** Starts the last line of every text, before the event key. */
  public static final String KEY_PREFIX = "Patch Pipeline rollout event: ";

  private RolloutComments() {}

  /** Returns the text of {@code event}. */
  public static String text(RolloutEvent event) {
    return text(event, List.of());
  }

  /** Returns the text of {@code event} with {@code extra} lines before the key line. */
  public static String text(RolloutEvent event, List<String> extra) {
    List<String> lines =
        switch (event.type()) {
          case STARTED -> started(event.state());
          case FINISHED -> finished(event.state());
          case WAVE -> wave(event);
        };
    lines.addAll(extra);
    lines.add(KEY_PREFIX + event.key());
    return String.join("\n", lines);
  }

  private static List<String> started(RolloutState state) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Rollout "
            + state.rolloutId()
            + " started: "
            + count(state.waves().size(), "wave")
            + " on "
            + count(state.totalHosts(), "host")
            + " for units "
            + String.join(", ", state.unitIds())
            + ".");
    for (WaveState wave : state.waves()) {
      lines.add("- " + wave.name() + ": " + String.join(", ", wave.hosts()));
    }
    return lines;
  }

  private static String count(int number, String noun) {
    return number + " " + noun + (number == 1 ? "" : "s");
  }

  private static List<String> finished(RolloutState state) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Rollout "
            + state.rolloutId()
            + " ended: "
            + state.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + (state.reason().isEmpty() ? "." : ": " + state.reason()));
    return lines;
  }

  private static List<String> wave(RolloutEvent event) {
    RolloutState state = event.state();
    WaveState wave = event.wave().orElseThrow();
    List<String> lines = new ArrayList<>();
    lines.add(
        "Rollout "
            + state.rolloutId()
            + ", "
            + wave.name()
            + " ("
            + wave.kind().name().toLowerCase(Locale.ROOT)
            + ", "
            + (wave.index() + 1)
            + " of "
            + state.waves().size()
            + "): "
            + event.decision().words()
            + ".");
    lines.add("Hosts: " + String.join(", ", wave.hosts()));
    if (!wave.results().isEmpty()) {
      lines.add("Results: " + results(wave.results()));
    }
    if (!wave.checks().isEmpty()) {
      lines.add("Checks:");
      wave.checks().forEach(check -> lines.add("- " + check));
    }
    lines.add("Health: " + health(wave.samples()));
    lines.add("Decision: " + decision(event, wave));
    if (event.decision() == RolloutEvent.Decision.ROLLED_BACK) {
      for (WaveState done : state.waves()) {
        if (!done.rollbackResults().isEmpty()) {
          lines.add("Rollback of " + done.name() + ": " + results(done.rollbackResults()));
        }
      }
    }
    if (event.stagingFailed()) {
      lines.add(
          "Staging failed, so no production host was touched. The owner needs to look at the"
              + " failure above before the rollout is started again.");
    }
    return lines;
  }

  private static String decision(RolloutEvent event, WaveState wave) {
    String reason = wave.decision().isEmpty() ? "" : " (" + wave.decision() + ")";
    RolloutState state = event.state();
    return switch (event.decision()) {
      case WIDENED ->
          "widened"
              + reason
              + "; the next wave is "
              + state.waves().get(wave.index() + 1).name()
              + ".";
      case SUCCEEDED -> "every wave passed" + reason + ".";
      case ROLLED_BACK ->
          "halted and rolled back" + (state.reason().isEmpty() ? "" : ": " + state.reason());
      case FROZEN ->
          "halted and frozen, hosts are left as they are"
              + (state.reason().isEmpty() ? "" : ": " + state.reason());
      case WAITING ->
          "waiting for a person to proceed or roll back"
              + (state.reason().isEmpty() ? "" : ": " + state.reason());
      case NONE -> "none";
    };
  }

  private static String results(List<HostResult> results) {
    List<String> parts = new ArrayList<>();
    for (HostResult result : results) {
      parts.add(
          result.host()
              + " "
              + result.status().name().toLowerCase(Locale.ROOT)
              + (result.detail().isEmpty() ? "" : " (" + result.detail() + ")"));
    }
    return String.join(", ", parts);
  }

  /** Summarizes samples per check, such as {@code http: 5 samples, 4 pass, 1 fail}. */
  static String health(List<Sample> samples) {
    if (samples.isEmpty()) {
      return "no samples";
    }
    Map<String, int[]> counts = new TreeMap<>();
    for (Sample sample : samples) {
      counts.computeIfAbsent(sample.check(), c -> new int[3])[sample.outcome().ordinal()]++;
    }
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (check, count) ->
            parts.add(
                check
                    + ": "
                    + (count[0] + count[1] + count[2])
                    + " samples, "
                    + count[0]
                    + " pass, "
                    + count[1]
                    + " fail, "
                    + count[2]
                    + " no data"));
    return String.join("; ", parts);
  }

  /**
   * Returns the lines a dry run prints for {@code wave}: which comment each outcome would write.
   */
  static List<String> preview(Wave wave, List<Wave> waves, FailureAction onFailure) {
    List<String> lines = new ArrayList<>();
    boolean last = wave.index() == waves.size() - 1;
    String passed =
        last
            ? "succeeded, every wave passed"
            : "widened, the next wave is " + waves.get(wave.index() + 1).name();
    String failed =
        onFailure == FailureAction.FREEZE
            ? "halted and frozen, hosts are left as they are"
            : "halted and rolled back";
    lines.add(
        "  ticket comment when it passes: \""
            + wave.name()
            + ": "
            + passed
            + "\" with hosts, per-host results, checks and health samples");
    lines.add(
        "  ticket comment when it fails: \""
            + wave.name()
            + ": "
            + failed
            + "\""
            + (wave.kind() == Wave.Kind.STAGING ? ", addressed to the units' owners" : ""));
    return lines;
  }
}
