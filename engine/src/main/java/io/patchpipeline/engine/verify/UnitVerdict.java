package io.patchpipeline.engine.verify;

import java.util.List;

/**
 * The verdict on one unit: verified when its ticket may be closed.
 *
 * @param methods the methods that produced verdicts, such as {@code targeted} and {@code rescan}
 */
public record UnitVerdict(
    String unitId, List<String> cves, ClosureDecision closure, List<String> methods) {
  public UnitVerdict {
    cves = List.copyOf(cves);
    methods = List.copyOf(methods);
  }

  public boolean verified() {
    return closure.close();
  }
}
