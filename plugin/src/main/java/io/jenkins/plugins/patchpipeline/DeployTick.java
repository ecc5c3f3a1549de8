package io.jenkins.plugins.patchpipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one agent-side step of a rollout returns to the controller: the updated record and rollout
 * state as bytes, the next wake-up time, log lines, the summary, the timeline rows, and the run of
 * the step's body that the rollout waits for.
 *
 * @param wakeAtMillis when to continue after a hold, in epoch milliseconds, or 0 when the rollout
 *     has ended, waits for a decision or waits for the body
 * @param block the body run to start before the rollout can go on, or null
 */
record DeployTick(
    byte[] record,
    byte[] state,
    long wakeAtMillis,
    ArrayList<String> lines,
    LinkedHashMap<String, Object> summary,
    ArrayList<DeployAction.WaveRow> waves,
    WaveBlock block,
    String problem)
    implements Serializable {
  DeployTick {
    lines = new ArrayList<>(lines);
    summary = new LinkedHashMap<>(summary);
    waves = new ArrayList<>(waves);
  }

  static DeployTick of(
      byte[] record,
      byte[] state,
      long wakeAtMillis,
      List<String> lines,
      Map<String, Object> summary,
      List<DeployAction.WaveRow> waves,
      WaveBlock block) {
    return new DeployTick(
        record,
        state,
        wakeAtMillis,
        new ArrayList<>(lines),
        new LinkedHashMap<>(summary),
        new ArrayList<>(waves),
        block,
        "");
  }

  static DeployTick failed(List<String> lines, String problem) {
    return new DeployTick(
        new byte[0],
        new byte[0],
        0,
        new ArrayList<>(lines),
        new LinkedHashMap<>(),
        new ArrayList<>(),
        null,
        problem);
  }

  boolean isFailed() {
    return !problem.isEmpty();
  }
}
