package io.patchpipeline.engine.deploy.tool;

import java.util.List;

/**
 * What one deployer call works on: the hosts (or releases, rollouts, rings) of one wave and the
 * approved fixes.
 *
 * @param checkMode whether the tool runs in its dry-run mode (Ansible's {@code --check})
 */
public record DeployRequest(
    String waveName, List<String> hosts, List<DeployItem> items, boolean checkMode) {
  public DeployRequest {
    hosts = List.copyOf(hosts);
    items = List.copyOf(items);
  }
}
