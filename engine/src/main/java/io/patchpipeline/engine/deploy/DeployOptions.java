package io.patchpipeline.engine.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one deployment run, filled by the CLI and by the Jenkins step.
 *
 * @param record the remediation record; its {@code deploy} section is written back to it
 * @param plan the YAML rollout plan
 * @param dryRun print the waves and commands and run nothing
 * @param approvedUnits unit ids to deploy; empty means every unit triage approved
 * @param stateFile where the rollout state is saved after every change; empty means the record's
 *     name with {@code .deploy-state.json} appended
 * @param kubeconfig the kubeconfig file for kubectl, Helm and Argo Rollouts
 * @param secrets secret values by variable name, such as a Graph token; never logged or recorded
 * @param decision a person's decision on a rollout waiting after inconclusive health data
 */
public record DeployOptions(
    Path record,
    Path plan,
    boolean dryRun,
    Optional<List<String>> approvedUnits,
    Optional<Path> stateFile,
    Optional<Path> kubeconfig,
    Map<String, String> secrets,
    Optional<Decision> decision) {
  /** Whether a rollout waiting for a person goes on, and who decided. */
  public record Decision(boolean proceed, String decidedBy) {}

  public DeployOptions {
    approvedUnits = approvedUnits.map(List::copyOf);
    secrets = Map.copyOf(secrets);
  }

  public static DeployOptions of(Path record, Path plan) {
    return new DeployOptions(
        record,
        plan,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Optional.empty());
  }

  public DeployOptions withDryRun(boolean value) {
    return new DeployOptions(
        record, plan, value, approvedUnits, stateFile, kubeconfig, secrets, decision);
  }

  public DeployOptions withApprovedUnits(List<String> ids) {
    return new DeployOptions(
        record, plan, dryRun, Optional.of(ids), stateFile, kubeconfig, secrets, decision);
  }

  public DeployOptions withStateFile(Path file) {
    return new DeployOptions(
        record, plan, dryRun, approvedUnits, Optional.of(file), kubeconfig, secrets, decision);
  }

  public DeployOptions withKubeconfig(Path file) {
    return new DeployOptions(
        record, plan, dryRun, approvedUnits, stateFile, Optional.of(file), secrets, decision);
  }

  public DeployOptions withSecrets(Map<String, String> values) {
    return new DeployOptions(
        record, plan, dryRun, approvedUnits, stateFile, kubeconfig, values, decision);
  }

  public DeployOptions withDecision(Decision value) {
    return new DeployOptions(
        record, plan, dryRun, approvedUnits, stateFile, kubeconfig, secrets, Optional.of(value));
  }

  /** Returns the state file to use. */
  public Path resolvedStateFile() {
    return stateFile.orElseGet(
        () -> record.resolveSibling(record.getFileName() + ".deploy-state.json"));
  }
}
