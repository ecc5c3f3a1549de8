package io.jenkins.plugins.patchpipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's reply after triage: the record with its triage section as JSON bytes, the summary map
 * and the console lines, or only the problem when the input was bad. It holds plain JDK types only,
 * so that remoting's class filter accepts it.
 */
record TriageOutcome(
    byte[] record,
    LinkedHashMap<String, Object> summary,
    ArrayList<String> messages,
    String problem)
    implements Serializable {

  static TriageOutcome completed(
      byte[] record, Map<String, Object> summary, List<String> messages) {
    return new TriageOutcome(record, new LinkedHashMap<>(summary), new ArrayList<>(messages), null);
  }

  static TriageOutcome failed(String problem) {
    return new TriageOutcome(new byte[0], new LinkedHashMap<>(), new ArrayList<>(), problem);
  }

  boolean isFailed() {
    return problem != null;
  }
}
