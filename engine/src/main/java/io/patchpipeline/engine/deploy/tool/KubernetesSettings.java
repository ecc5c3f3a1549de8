package io.patchpipeline.engine.deploy.tool;

import io.patchpipeline.engine.deploy.DeployNames;
import io.patchpipeline.engine.deploy.DeployPlan;
import io.patchpipeline.engine.deploy.PlanNodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings that {@code kubectl}, {@code helm} and {@code argo-rollouts} plans share: the
 * namespace, the container to update and the kubeconfig file (the Jenkins step passes the file of a
 * file credential).
 */
public record KubernetesSettings(
    String executable,
    String namespace,
    String container,
    Optional<Path> kubeconfig,
    Duration timeout) {
  static KubernetesSettings read(
      PlanNodes section, String defaultExecutable, Optional<Path> kubeconfig) {
    String where = section.file() + " " + section.pointer("");
    return new KubernetesSettings(
        section.text("executable", defaultExecutable),
        DeployNames.kubernetesName(section.text("namespace", "default"), where + "namespace"),
        DeployNames.kubernetesName(section.text("container", "app"), where + "container"),
        kubeconfig.or(() -> section.text("kubeconfig").map(Path::of)),
        section.duration("timeout", Duration.ofMinutes(10)));
  }

  /**
   * Returns the Jenkins credentials id of a secret file with the kubeconfig, as a kubectl, helm or
   * argo-rollouts plan names it in {@code kubeconfigCredentialsId}; empty for other tools.
   *
   * @throws io.patchpipeline.engine.core.InputException when the plan also sets {@code kubeconfig}
   */
  public static Optional<String> credentialsId(DeployPlan plan) {
    if (!List.of("kubectl", "helm", "argo-rollouts").contains(plan.tool())) {
      return Optional.empty();
    }
    PlanNodes section = new PlanNodes(plan.source(), "/" + plan.tool(), plan.toolSettings());
    Optional<String> id = section.text("kubeconfigCredentialsId");
    if (id.isPresent() && section.has("kubeconfig")) {
      throw new io.patchpipeline.engine.core.InputException(
          plan.source(),
          section.pointer("kubeconfig"),
          "set either kubeconfig or kubeconfigCredentialsId, not both");
    }
    return id.map(String::trim).filter(value -> !value.isEmpty());
  }

  /** Returns {@code --kubeconfig FILE -n NAMESPACE}, the flags every call takes. */
  List<String> clusterFlags() {
    List<String> flags = new ArrayList<>();
    kubeconfig.ifPresent(
        file -> {
          flags.add("--kubeconfig");
          flags.add(file.toString());
        });
    flags.add("-n");
    flags.add(namespace);
    return flags;
  }

  String timeoutFlag() {
    return timeout.toSeconds() + "s";
  }

  /** Returns the one image item of a request as {@code image:tag}, validated. */
  static DeployItem image(DeployRequest request, String tool) {
    List<DeployItem> images = request.items();
    if (images.size() != 1) {
      throw new io.patchpipeline.engine.core.InputException(
          tool, "", "expected exactly one approved image per rollout, got " + images.size());
    }
    DeployItem item = images.get(0);
    DeployNames.image(item.name(), "unit " + item.unitId());
    DeployNames.tag(item.version(), "unit " + item.unitId());
    return item;
  }
}
