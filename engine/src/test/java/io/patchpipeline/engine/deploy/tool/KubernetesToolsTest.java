package io.patchpipeline.engine.deploy.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.deploy.DeployPlan;
import io.patchpipeline.engine.deploy.PlanLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kubectl, Helm and the Argo Rollouts plugin cannot reach a cluster here: these tests run the
 * deployers against recording stand-ins on PATH that replay the tools' documented outputs, and
 * check the exact arguments.
 */
class KubernetesToolsTest {
  @TempDir Path folder;
  private FakeTools tools;
  private KubernetesSettings settings;

  private static final DeployItem IMAGE =
      new DeployItem(
          "PP-2",
          "registry.example.com/shop/web",
          "1.25.4",
          "1.25.3",
          "IMAGE",
          List.of("CVE-2024-6387"));

  @BeforeEach
  void installTools() throws Exception {
    tools = new FakeTools(folder, "kubectl", "helm");
    settings =
        new KubernetesSettings(
            "kubectl",
            "shop",
            "web",
            Optional.of(Path.of("/run/secrets/kubeconfig")),
            Duration.ofMinutes(5));
  }

  private static DeployRequest request(boolean check, String... targets) {
    return new DeployRequest("wave 1", List.of(targets), List.of(IMAGE), check);
  }

  @Test
  void kubectlSetsImageAndWaitsForRollout() throws Exception {
    tools.answer("kubectl", 0, "deployment.apps/web image updated", 0);
    tools.answer("kubectl", 1, "deployment \"web\" successfully rolled out", 0);

    ToolResult result = new KubectlDeployer(settings, tools.runner()).deploy(request(false, "web"));

    assertThat(tools.calls("kubectl"))
        .containsExactly(
            List.of(
                "set",
                "image",
                "deployment/web",
                "--kubeconfig",
                "/run/secrets/kubeconfig",
                "-n",
                "shop",
                "web=registry.example.com/shop/web:1.25.4"),
            List.of(
                "rollout",
                "status",
                "deployment/web",
                "--kubeconfig",
                "/run/secrets/kubeconfig",
                "-n",
                "shop",
                "--timeout=300s"));
    assertThat(result.hosts())
        .extracting(HostResult::status)
        .containsExactly(HostResult.Status.CHANGED);
  }

  @Test
  void kubectlRolloutTimeoutFailsTheTargetAndUndoWorks() throws Exception {
    tools.answer("kubectl", 1, "error: deployment \"web\" exceeded its progress deadline", 1);
    KubectlDeployer deployer = new KubectlDeployer(settings, tools.runner());

    ToolResult result = deployer.deploy(request(false, "web"));
    ToolResult undo = deployer.rollback(request(false, "web"));

    assertThat(result.hosts().get(0).status()).isEqualTo(HostResult.Status.FAILED);
    assertThat(result.hosts().get(0).detail())
        .contains("exit code 1")
        .contains("exceeded its progress deadline");
    assertThat(tools.calls("kubectl").get(2))
        .containsExactly(
            "rollout",
            "undo",
            "deployment/web",
            "--kubeconfig",
            "/run/secrets/kubeconfig",
            "-n",
            "shop");
    assertThat(undo.hosts().get(0).status()).isEqualTo(HostResult.Status.CHANGED);
  }

  @Test
  void kubectlCheckModeIsServerDryRun() {
    List<Command> commands =
        new KubectlDeployer(settings, tools.runner()).deployCommands(request(true, "web"));

    assertThat(commands).hasSize(1);
    assertThat(commands.get(0).arguments()).endsWith("--dry-run=server");
  }

  @ParameterizedTest(name = "{0} uses {1}")
  @CsvSource({"v3.14.2+gc309b6f, --atomic", "v4.0.1+g12500dd, --rollback-on-failure"})
  void helmPicksRollbackFlagByVersion(String version, String flag) throws Exception {
    tools.answer("helm", 0, version, 0);
    tools.answer("helm", 1, "Release \"web\" has been upgraded. Happy Helming!", 0);
    HelmDeployer deployer =
        new HelmDeployer(
            new KubernetesSettings(
                "helm",
                "shop",
                "web",
                Optional.of(Path.of("/run/secrets/kubeconfig")),
                Duration.ofMinutes(5)),
            new HelmDeployer.Settings(
                "oci://registry.example.com/charts/web",
                "image.tag",
                Optional.of("image.repository"),
                Optional.empty()),
            tools.runner());

    ToolResult result = deployer.deploy(request(false, "web"));

    assertThat(tools.calls("helm"))
        .containsExactly(
            List.of("version", "--short"),
            List.of(
                "upgrade",
                "--install",
                "web",
                "oci://registry.example.com/charts/web",
                "--kubeconfig",
                "/run/secrets/kubeconfig",
                "--namespace",
                "shop",
                "--reuse-values",
                "--set-string",
                "image.tag=1.25.4",
                "--set-string",
                "image.repository=registry.example.com/shop/web",
                "--wait",
                "--timeout",
                "300s",
                flag));
    assertThat(result.hosts().get(0).status()).isEqualTo(HostResult.Status.CHANGED);
  }

  @Test
  void helmRollbackGoesToPreviousRevision() throws Exception {
    tools.answer("helm", 0, "Rollback was a success! Happy Helming!", 0);
    HelmDeployer deployer =
        new HelmDeployer(
            new KubernetesSettings("helm", "shop", "web", Optional.empty(), Duration.ofMinutes(5)),
            new HelmDeployer.Settings("charts/web", "image.tag", Optional.empty(), Optional.of(4)),
            tools.runner());

    deployer.rollback(request(false, "web"));

    assertThat(tools.calls("helm"))
        .containsExactly(
            List.of("rollback", "web", "--namespace", "shop", "--wait", "--timeout", "300s"));
  }

  @Test
  void helmVersionThatCannotBeReadIsAnError() throws Exception {
    tools.answer("helm", 0, "command not understood", 2);
    HelmDeployer deployer =
        new HelmDeployer(
            new KubernetesSettings("helm", "shop", "web", Optional.empty(), Duration.ofMinutes(5)),
            new HelmDeployer.Settings(
                "charts/web", "image.tag", Optional.empty(), Optional.empty()),
            tools.runner());

    assertThatThrownBy(() -> deployer.deploy(request(false, "web")))
        .hasMessageContaining("Cannot read the Helm version");
  }

  @Test
  void argoFollowsStatusToDegradedThenAbortsAndUndoes() throws Exception {
    tools.answer("kubectl", 0, "rollout \"web\" image updated", 0);
    tools.answer(
        "kubectl",
        1,
        "Degraded\nError: The rollout is in a degraded state with message: RolloutAborted",
        1);
    ArgoRolloutsDeployer deployer = new ArgoRolloutsDeployer(settings, tools.runner());

    ToolResult result = deployer.deploy(request(false, "web"));
    deployer.rollback(request(false, "web"));

    List<String> cluster = List.of("--kubeconfig", "/run/secrets/kubeconfig", "-n", "shop");
    assertThat(tools.calls("kubectl"))
        .containsExactly(
            concat(
                List.of("argo", "rollouts", "set", "image", "web"),
                cluster,
                List.of("web=registry.example.com/shop/web:1.25.4")),
            concat(
                List.of("argo", "rollouts", "status", "web"),
                cluster,
                List.of("--timeout", "300s")),
            concat(List.of("argo", "rollouts", "abort", "web"), cluster, List.of()),
            concat(List.of("argo", "rollouts", "undo", "web"), cluster, List.of()),
            concat(
                List.of("argo", "rollouts", "status", "web"),
                cluster,
                List.of("--timeout", "300s")));
    assertThat(result.hosts().get(0).status()).isEqualTo(HostResult.Status.FAILED);
    assertThat(result.hosts().get(0).detail()).contains("RolloutAborted");
  }

  @Test
  void argoHealthyRolloutSucceeds() throws Exception {
    tools.answer("kubectl", 1, "Healthy", 0);

    ToolResult result =
        new ArgoRolloutsDeployer(settings, tools.runner()).deploy(request(false, "web", "api"));

    assertThat(result.hosts())
        .extracting(HostResult::status)
        .containsExactly(HostResult.Status.CHANGED, HostResult.Status.CHANGED);
    assertThat(tools.calls("kubectl")).hasSize(4);
  }

  @Test
  void invalidTargetOrImageIsRejectedBeforeAnyCommand() throws Exception {
    KubectlDeployer deployer = new KubectlDeployer(settings, tools.runner());
    DeployItem bad = new DeployItem("PP-3", "registry/web", "1.0;rm -rf /", "", "IMAGE", List.of());

    assertThatThrownBy(() -> deployer.deploy(request(false, "--all")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("invalid Kubernetes name '--all'");
    assertThatThrownBy(
            () -> deployer.deploy(new DeployRequest("w", List.of("web"), List.of(bad), false)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("invalid image tag");
    assertThat(tools.calls("kubectl")).isEmpty();
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
  }

  @Test
  void planNamesTheKubeconfigCredential() throws Exception {
    DeployPlan plan =
        PlanLoader.load(
            new ByteArrayInputStream(
                "tool: helm\nhelm: {chart: ./chart, kubeconfigCredentialsId: ' kube-prod '}\n"
                    .getBytes(StandardCharsets.UTF_8)),
            "plan.yaml");
    DeployPlan both =
        PlanLoader.load(
            new ByteArrayInputStream(
                "tool: kubectl\nkubectl: {kubeconfig: /k, kubeconfigCredentialsId: kube-prod}\n"
                    .getBytes(StandardCharsets.UTF_8)),
            "plan.yaml");
    DeployPlan other =
        PlanLoader.load(
            new ByteArrayInputStream(
                "tool: chocolatey\nchocolatey: {kubeconfigCredentialsId: kube-prod}\n"
                    .getBytes(StandardCharsets.UTF_8)),
            "plan.yaml");

    assertThat(KubernetesSettings.credentialsId(plan)).contains("kube-prod");
    assertThat(KubernetesSettings.credentialsId(other)).isEmpty();
    assertThatThrownBy(() -> KubernetesSettings.credentialsId(both))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("either kubeconfig or kubeconfigCredentialsId");
  }
}
