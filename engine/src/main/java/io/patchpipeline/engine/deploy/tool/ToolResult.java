package io.patchpipeline.engine.deploy.tool;

import java.util.List;

/**
 * What a deployer call did: one result per host of the request, and the commands it ran for the log
 * (secrets left out).
 */
public record ToolResult(List<HostResult> hosts, List<String> commands, String outputTail) {
  public ToolResult {
    hosts = List.copyOf(hosts);
    commands = List.copyOf(commands);
  }

  public long failedCount() {
    return hosts.stream().filter(HostResult::failed).count();
  }

  /** Returns a result where every host of {@code hosts} ended with {@code status}. */
  public static ToolResult all(
      List<String> hosts,
      HostResult.Status status,
      String detail,
      List<String> commands,
      String output) {
    return new ToolResult(
        hosts.stream().map(host -> new HostResult(host, status, detail)).toList(),
        commands,
        output);
  }
}
