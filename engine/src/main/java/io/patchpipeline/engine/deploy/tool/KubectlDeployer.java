package io.patchpipeline.engine.deploy.tool;

import io.patchpipeline.engine.deploy.DeployNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Updates Deployments with {@code kubectl set image}, waits with {@code kubectl rollout status
 * --timeout}, and rolls back with {@code kubectl rollout undo}. Each wave target is a Deployment
 * name in the plan's namespace. In check mode the image change is sent with {@code
 * --dry-run=server}, so the API server validates it and stores nothing.
 */
public final class KubectlDeployer extends StepwiseDeployer {
  private final KubernetesSettings settings;

  public KubectlDeployer(KubernetesSettings settings, CommandRunner runner) {
    super(runner);
    this.settings = settings;
  }

  @Override
  public String tool() {
    return "kubectl";
  }

  @Override
  List<Command> deploySteps(String target, DeployRequest request) {
    DeployItem image = KubernetesSettings.image(request, tool());
    String workload =
        "deployment/" + DeployNames.kubernetesName(target, "wave " + request.waveName());
    List<String> set = base("set", "image", workload);
    set.add(settings.container() + "=" + image.name() + ":" + image.version());
    if (request.checkMode()) {
      set.add("--dry-run=server");
      return List.of(Command.of(set, settings.timeout()));
    }
    return List.of(Command.of(set, settings.timeout()), status(workload));
  }

  @Override
  List<Command> rollbackSteps(String target, DeployRequest request) {
    String workload =
        "deployment/" + DeployNames.kubernetesName(target, "wave " + request.waveName());
    return List.of(
        Command.of(base("rollout", "undo", workload), settings.timeout()), status(workload));
  }

  private Command status(String workload) {
    List<String> status = base("rollout", "status", workload);
    status.add("--timeout=" + settings.timeoutFlag());
    return Command.of(status, settings.timeout().plusMinutes(1));
  }

  private List<String> base(String... words) {
    List<String> arguments = new ArrayList<>();
    arguments.add(settings.executable());
    arguments.addAll(List.of(words));
    arguments.addAll(settings.clusterFlags());
    return arguments;
  }
}
