package io.jenkins.plugins.patchpipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * The result the agent sends back after verifying: the updated record as JSON bytes, the summary
 * map, the engine's messages, where each unit's bundle was written, and the zipped bundles of the
 * units whose tickets are to be closed. When the input was invalid, it carries only the problem.
 * Its fields are plain JDK types, so that remoting's class filter accepts them.
 *
 * @param outcome {@code PASSED}, {@code UNSTABLE} or {@code FAILED}
 * @param bundles the bundle zip of each unit, by unit id: relative to the workspace when archived,
 *     else the agent's absolute path
 * @param attachments the zip bytes of each verified unit's bundle, by unit id, when tickets are to
 *     be closed
 * @param delivered one line per delivery to DefectDojo, the webhook or the evidence store
 * @param undelivered one line per failed delivery, which marks the build unstable
 * @param problem the user error that stopped verification, or {@code null} when it completed
 */
public record VerifyOutcome(
    byte[] record,
    LinkedHashMap<String, Object> summary,
    ArrayList<String> messages,
    String outcome,
    LinkedHashMap<String, String> bundles,
    LinkedHashMap<String, byte[]> attachments,
    ArrayList<String> delivered,
    ArrayList<String> undelivered,
    String problem)
    implements Serializable {

  static VerifyOutcome failed(String problem) {
    return new VerifyOutcome(
        new byte[0],
        new LinkedHashMap<>(),
        new ArrayList<>(),
        "",
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        problem);
  }

  public boolean isFailed() {
    return problem != null;
  }
}
