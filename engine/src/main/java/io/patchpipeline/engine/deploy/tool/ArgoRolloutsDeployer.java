package io.patchpipeline.engine.deploy.tool;

import io.patchpipeline.engine.deploy.DeployNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets the new image on an Argo Rollout with {@code kubectl argo rollouts set image}, follows it
 * with {@code kubectl argo rollouts status --timeout} until it is Healthy (exit code 0) or Degraded
 * (non-zero), and takes it back with {@code abort} then {@code undo}. Each wave target is a Rollout
 * name; the Rollout's own canary steps and analysis run inside the cluster. Check mode only reads
 * the Rollout with {@code get rollout}, because the plugin has no server-side dry run.
 */
public final class ArgoRolloutsDeployer extends StepwiseDeployer {
  private final KubernetesSettings settings;

  public ArgoRolloutsDeployer(KubernetesSettings settings, CommandRunner runner) {
    super(runner);
    this.settings = settings;
  }

  @Override
  public String tool() {
    return "argo-rollouts";
  }

  @Override
  List<Command> deploySteps(String target, DeployRequest request) {
    DeployItem image = KubernetesSettings.image(request, tool());
    String rollout = DeployNames.kubernetesName(target, "wave " + request.waveName());
    if (request.checkMode()) {
      return List.of(Command.of(base("get", "rollout", rollout), settings.timeout()));
    }
    List<String> set = base("set", "image", rollout);
    set.add(settings.container() + "=" + image.name() + ":" + image.version());
    return List.of(Command.of(set, settings.timeout()), status(rollout));
  }

  @Override
  List<Command> rollbackSteps(String target, DeployRequest request) {
    String rollout = DeployNames.kubernetesName(target, "wave " + request.waveName());
    return List.of(
        Command.of(base("abort", rollout), settings.timeout()),
        Command.of(base("undo", rollout), settings.timeout()),
        status(rollout));
  }

  private Command status(String rollout) {
    List<String> status = base("status", rollout);
    status.add("--timeout");
    status.add(settings.timeoutFlag());
    return Command.of(status, settings.timeout().plusMinutes(1));
  }

  private List<String> base(String... words) {
    List<String> arguments = new ArrayList<>();
    arguments.add(settings.executable());
    arguments.add("argo");
    arguments.add("rollouts");
    arguments.addAll(List.of(words));
    arguments.addAll(settings.clusterFlags());
    return arguments;
  }
}
