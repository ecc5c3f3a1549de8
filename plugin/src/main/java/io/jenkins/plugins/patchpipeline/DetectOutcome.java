package io.jenkins.plugins.patchpipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result the agent sends back after Detect: the record as JSON bytes, the summary map, the
 * engine's messages as console lines, and whether {@code failOnPriority} was crossed. When the
 * input was invalid, it carries only the problem text. Its fields are plain JDK types, so that
 * remoting's class filter accepts them.
 *
 * @param problem the user error that stopped Detect, or {@code null} when it completed
 */
public record DetectOutcome(
    byte[] record,
    LinkedHashMap<String, Object> summary,
    ArrayList<String> messages,
    boolean thresholdCrossed,
    String problem)
    implements Serializable {

  static DetectOutcome completed(
      byte[] record, Map<String, Object> summary, List<String> messages, boolean crossed) {
    return new DetectOutcome(
        record, new LinkedHashMap<>(summary), new ArrayList<>(messages), crossed, null);
  }

  static DetectOutcome failed(String problem) {
    return new DetectOutcome(new byte[0], new LinkedHashMap<>(), new ArrayList<>(), false, problem);
  }

  public boolean isFailed() {
    return problem != null;
  }
}
