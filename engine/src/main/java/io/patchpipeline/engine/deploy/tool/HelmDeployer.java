package io.patchpipeline.engine.deploy.tool;

import io.patchpipeline.engine.deploy.DeployNames;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upgrades Helm releases with {@code helm upgrade --install --wait --timeout}, setting the image
 * tag value, and has Helm roll a failed upgrade back by itself: {@code --atomic} on Helm 3, {@code
 * --rollback-on-failure} on Helm 4, which rejects the old flag. The major version comes from {@code
 * helm version --short} before the first upgrade. A rollback after a failed health check runs
 * {@code helm rollback RELEASE} to the previous revision. Each wave target is a release name.
 */
public final class HelmDeployer extends StepwiseDeployer {
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.\\d+.*");

  private final KubernetesSettings cluster;
  private final Settings settings;
  private final CommandRunner runner;
  private Integer major;

  /**
   * The Helm part of the settings.
   *
   * @param tagKey the chart value that holds the image tag, such as {@code image.tag}
   * @param repositoryKey the chart value that holds the image repository, if it should be set
   * @param majorVersion the Helm major version, when it should not be detected
   */
  public record Settings(
      String chart,
      String tagKey,
      Optional<String> repositoryKey,
      Optional<Integer> majorVersion) {}

  public HelmDeployer(KubernetesSettings cluster, Settings settings, CommandRunner runner) {
    super(runner);
    this.cluster = cluster;
    this.settings = settings;
    this.runner = runner;
    this.major = settings.majorVersion().orElse(null);
  }

  @Override
  public String tool() {
    return "helm";
  }

  @Override
  public ToolResult deploy(DeployRequest request) throws IOException, InterruptedException {
    if (major == null) {
      major = detectMajorVersion();
    }
    return super.deploy(request);
  }

  /** Runs {@code helm version --short} and returns the major version it prints. */
  int detectMajorVersion() throws IOException, InterruptedException {
    Command version =
        Command.of(List.of(cluster.executable(), "version", "--short"), Duration.ofMinutes(1));
    CommandResult result = runner.run(version);
    Matcher matcher = VERSION.matcher(result.output().strip());
    if (!result.succeeded() || !matcher.matches()) {
      throw new IOException(
          "Cannot read the Helm version from 'helm version --short' (exit code "
              + result.exitCode()
              + "): "
              + result.lastLine());
    }
    return Integer.parseInt(matcher.group(1));
  }

  @Override
  List<Command> deploySteps(String target, DeployRequest request) {
    DeployItem image = KubernetesSettings.image(request, tool());
    String release = DeployNames.kubernetesName(target, "wave " + request.waveName());
    List<String> arguments = new ArrayList<>();
    arguments.add(cluster.executable());
    arguments.add("upgrade");
    arguments.add("--install");
    arguments.add(release);
    arguments.add(settings.chart());
    arguments.addAll(clusterFlags());
    arguments.add("--reuse-values");
    arguments.add("--set-string");
    arguments.add(settings.tagKey() + "=" + image.version());
    settings
        .repositoryKey()
        .ifPresent(
            key -> {
              arguments.add("--set-string");
              arguments.add(key + "=" + image.name());
            });
    arguments.add("--wait");
    arguments.add("--timeout");
    arguments.add(cluster.timeoutFlag());
    arguments.add(major != null && major >= 4 ? "--rollback-on-failure" : "--atomic");
    if (request.checkMode()) {
      arguments.add("--dry-run");
    }
    return List.of(Command.of(arguments, cluster.timeout().plusMinutes(1)));
  }

  @Override
  List<Command> rollbackSteps(String target, DeployRequest request) {
    String release = DeployNames.kubernetesName(target, "wave " + request.waveName());
    List<String> arguments = new ArrayList<>(List.of(cluster.executable(), "rollback", release));
    arguments.addAll(clusterFlags());
    arguments.add("--wait");
    arguments.add("--timeout");
    arguments.add(cluster.timeoutFlag());
    return List.of(Command.of(arguments, cluster.timeout().plusMinutes(1)));
  }

  /** Returns Helm's spelling of the cluster flags: {@code --namespace}, not {@code -n}. */
  private List<String> clusterFlags() {
    List<String> flags = new ArrayList<>();
    cluster
        .kubeconfig()
        .ifPresent(
            file -> {
              flags.add("--kubeconfig");
              flags.add(file.toString());
            });
    flags.add("--namespace");
    flags.add(cluster.namespace());
    return flags;
  }
}
