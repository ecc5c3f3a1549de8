package io.patchpipeline.engine.deploy.tool;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.deploy.DeployPlan;
import io.patchpipeline.engine.deploy.PlanNodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Builds the deployer a plan names, from its tool section and what the caller provides. */
public final class DeployerFactory {
  private DeployerFactory() {}

  /**
   * What the caller provides beyond the plan: the folder relative paths start from, the runner, a
   * kubeconfig file (from a Jenkins file credential), secrets by variable name (never logged), and
   * the body of a {@code block} plan.
   */
  public record Context(
      Path baseDir,
      CommandRunner runner,
      Optional<Path> kubeconfig,
      Map<String, String> secrets,
      Optional<BlockDeployer.Body> block) {
    public Context {
      secrets = Map.copyOf(secrets);
    }
  }

  public static Deployer create(DeployPlan plan, Context context) {
    PlanNodes section = new PlanNodes(plan.source(), "/" + plan.tool(), plan.toolSettings());
    return switch (plan.tool()) {
      case "ansible" -> AnsibleDeployer.fromPlan(section, context.baseDir(), context.runner());
      case "kubectl" ->
          new KubectlDeployer(
              KubernetesSettings.read(section, "kubectl", context.kubeconfig()), context.runner());
      case "argo-rollouts" ->
          new ArgoRolloutsDeployer(
              KubernetesSettings.read(section, "kubectl", context.kubeconfig()), context.runner());
      case "helm" -> helm(section, context);
      case "chocolatey" ->
          new ChocolateyDeployer(
              section.text("executable", "choco"),
              section.duration("timeout", Duration.ofMinutes(30)),
              context.runner());
      case "windows-update" ->
          new WindowsUpdateDeployer(
              section.text("executable", "powershell.exe"),
              section.duration("timeout", Duration.ofHours(2)),
              context.runner());
      case "intune" -> intune(section, context);
      default -> block(plan, context);
    };
  }

  private static Deployer helm(PlanNodes section, Context context) {
    KubernetesSettings cluster = KubernetesSettings.read(section, "helm", context.kubeconfig());
    Optional<Integer> major =
        section.has("majorVersion")
            ? Optional.of(section.integer("majorVersion", 3, 3, 99))
            : Optional.empty();
    HelmDeployer.Settings settings =
        new HelmDeployer.Settings(
            section.requiredText("chart"),
            io.patchpipeline.engine.deploy.DeployNames.valueKey(
                section.text("tagKey", "image.tag"), section.file() + " /helm/tagKey"),
            section.text("repositoryKey"),
            major);
    return new HelmDeployer(cluster, settings, context.runner());
  }

  private static Deployer intune(PlanNodes section, Context context) {
    IntuneSettings settings = IntuneSettings.read(section);
    String variable = settings.tokenVariable();
    return new IntuneDeployer(
        settings,
        () -> {
          String token = context.secrets().get(variable);
          if (token == null || token.isBlank()) {
            throw new InputException(
                section.file(),
                "/intune/tokenVariable",
                "missing Graph access token in " + variable);
          }
          return token;
        });
  }

  private static Deployer block(DeployPlan plan, Context context) {
    return new BlockDeployer(
        context
            .block()
            .orElseThrow(
                () ->
                    new InputException(
                        plan.source(),
                        "/tool",
                        "tool 'block' runs the body of the Jenkins canaryDeploy step;"
                            + " choose another tool on the command line")));
  }
}
