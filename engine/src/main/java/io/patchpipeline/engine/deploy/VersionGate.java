package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.deploy.tool.DeployItem;
import java.io.IOException;
import java.util.List;

/**
 * Checks that the hosts of a wave no longer carry a vulnerable version before the rollout widens.
 * The service layer supplies the implementation from the verification stage; this package cannot
 * depend on it.
 */
@FunctionalInterface
public interface VersionGate {
  /** The state of one fix on one host. */
  enum Status {
    FIXED,
    VULNERABLE,
    /** The version could not be read: never counts as fixed. */
    UNKNOWN
  }

  /** One host's result for one item. */
  record Result(String host, String item, Status status, String detail) {}

  /** Returns one result per host and item. */
  List<Result> check(List<String> hosts, List<DeployItem> items)
      throws IOException, InterruptedException;

  /** Describes what {@link #check} would run and require, for a dry run; runs nothing. */
  default List<String> describe(List<String> hosts, List<DeployItem> items) {
    List<String> lines = new java.util.ArrayList<>();
    for (DeployItem item : items) {
      lines.add(item.name() + " at least " + item.version() + " on " + String.join(", ", hosts));
    }
    return lines;
  }
}
