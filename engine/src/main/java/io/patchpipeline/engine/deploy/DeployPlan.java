package io.patchpipeline.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A rollout plan as read from YAML by {@link PlanLoader}; docs/deploy.md describes every key.
 *
 * @param source the plan's file name, for error messages
 * @param tool the deployer: {@code ansible}, {@code kubectl}, {@code helm}, {@code argo-rollouts},
 *     {@code chocolatey}, {@code windows-update}, {@code intune} or {@code block}
 * @param toolSettings the section named after the tool, read by that deployer
 * @param hosts the production targets in rollout order; empty means the units' assets
 * @param waves wave sizes: cumulative coverage ({@code 10%, 50%, 100%}) unless {@code serial}
 * @param serial whether {@code waves} are batch sizes as in Ansible's {@code serial} keyword
 * @param hold how long each wave is watched before the next one starts
 */
public record DeployPlan(
    String source,
    String tool,
    JsonNode toolSettings,
    List<String> hosts,
    Optional<StagingPlan> staging,
    List<WaveSize> waves,
    boolean serial,
    Duration hold,
    HealthPlan health,
    FailureBudget budget,
    FailureAction onFailure,
    boolean cveGate) {
  public DeployPlan {
    hosts = List.copyOf(hosts);
    waves = List.copyOf(waves);
  }
}
