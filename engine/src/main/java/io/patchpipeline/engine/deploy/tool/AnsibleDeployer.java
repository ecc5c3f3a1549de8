package io.patchpipeline.engine.deploy.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.deploy.PlanNodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Deploys through {@code ansible-playbook}: the wave's hosts go to {@code --limit}, the fixes to a
 * JSON extra-vars file ({@code -e @file}), and each host's outcome comes from a small callback
 * plugin that writes the play's per-host counters to a file. It needs ansible-core only.
 *
 * <p>The playbook receives {@code patch_action} ({@code deploy} or {@code rollback}), {@code
 * patch_wave}, {@code patch_cves} and {@code patch_packages}, a list of {@code name}, {@code
 * version}, {@code previous_version}, {@code unit} and {@code cves}.
 */
public final class AnsibleDeployer implements Deployer {
  private static final String CALLBACK = "patch_pipeline_stats";
  private static final Path VARS_PLACEHOLDER = Path.of("patch-vars.json");

  private final Settings settings;
  private final CommandRunner runner;

  /** The {@code ansible} section of a plan. */
  public record Settings(
      String executable,
      Path playbook,
      Path inventory,
      Optional<Path> rollbackPlaybook,
      Duration timeout) {
    static Settings read(PlanNodes section, Path baseDir) {
      if (!section.exists()) {
        throw section.error("playbook", "missing ansible section with playbook and inventory");
      }
      return new Settings(
          section.text("executable", "ansible-playbook"),
          baseDir.resolve(section.requiredText("playbook")),
          baseDir.resolve(section.requiredText("inventory")),
          section.text("rollbackPlaybook").map(baseDir::resolve),
          section.duration("timeout", Duration.ofHours(1)));
    }
  }

  public AnsibleDeployer(Settings settings, CommandRunner runner) {
    this.settings = settings;
    this.runner = runner;
  }

  public static AnsibleDeployer fromPlan(PlanNodes section, Path baseDir, CommandRunner runner) {
    return new AnsibleDeployer(Settings.read(section, baseDir), runner);
  }

  @Override
  public String tool() {
    return "ansible";
  }

  @Override
  public List<Command> deployCommands(DeployRequest request) {
    return List.of(command(request, settings.playbook(), VARS_PLACEHOLDER));
  }

  @Override
  public List<Command> rollbackCommands(DeployRequest request) {
    return List.of(command(request, rollbackPlaybook(), VARS_PLACEHOLDER));
  }

  @Override
  public ToolResult deploy(DeployRequest request) throws IOException, InterruptedException {
    return run(request, settings.playbook(), "deploy");
  }

  @Override
  public ToolResult rollback(DeployRequest request) throws IOException, InterruptedException {
    return run(request, rollbackPlaybook(), "rollback");
  }

  private Path rollbackPlaybook() {
    return settings.rollbackPlaybook().orElse(settings.playbook());
  }

  private Command command(DeployRequest request, Path playbook, Path varsFile) {
    List<String> arguments = new ArrayList<>();
    arguments.add(settings.executable());
    arguments.add("-i");
    arguments.add(settings.inventory().toString());
    arguments.add("--limit");
    arguments.add(String.join(",", request.hosts()));
    arguments.add("-e");
    arguments.add("@" + varsFile);
    if (request.checkMode()) {
      arguments.add("--check");
    }
    arguments.add(playbook.toString());
    return Command.of(arguments, settings.timeout());
  }

  private ToolResult run(DeployRequest request, Path playbook, String action)
      throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("patch-pipeline-ansible");
    try {
      Path vars = work.resolve("vars.json");
      Json.mapper().writeValue(vars.toFile(), extraVars(request, action));
      Path stats = work.resolve("stats.json");
      writeCallback(work);
      Command command =
          command(request, playbook, vars)
              .withEnvironment(
                  Map.of(
                      "ANSIBLE_CALLBACK_PLUGINS",
                      work.toString(),
                      "ANSIBLE_CALLBACKS_ENABLED",
                      CALLBACK,
                      "PATCH_PIPELINE_STATS",
                      stats.toString(),
                      "ANSIBLE_RETRY_FILES_ENABLED",
                      "false",
                      "ANSIBLE_NOCOLOR",
                      "1"));
      CommandResult result = runner.run(command);
      return new ToolResult(
          hostResults(request.hosts(), stats, result),
          List.of(command(request, playbook, VARS_PLACEHOLDER).display()),
          result.output());
    } finally {
      deleteTree(work);
    }
  }

  static ObjectNode extraVars(DeployRequest request, String action) {
    ObjectNode vars = Json.mapper().createObjectNode();
    vars.put("patch_action", action);
    vars.put("patch_wave", request.waveName());
    ArrayNode cves = vars.putArray("patch_cves");
    ArrayNode packages = vars.putArray("patch_packages");
    for (DeployItem item : request.items()) {
      item.cves().stream().filter(cve -> !containsText(cves, cve)).forEach(cves::add);
      ObjectNode entry = packages.addObject();
      entry.put("unit", item.unitId());
      entry.put("name", item.name());
      entry.put("version", item.version());
      entry.put("previous_version", item.previousVersion());
      entry.put("kind", item.kind());
      item.cves().forEach(entry.putArray("cves")::add);
    }
    return vars;
  }

  private static boolean containsText(ArrayNode array, String text) {
    for (JsonNode value : array) {
      if (value.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static List<HostResult> hostResults(
      List<String> hosts, Path statsFile, CommandResult result) throws IOException {
    JsonNode stats =
        Files.exists(statsFile) ? Json.mapper().readTree(statsFile.toFile()).path("stats") : null;
    List<HostResult> results = new ArrayList<>();
    for (String host : hosts) {
      JsonNode counters = stats == null ? null : stats.get(host);
      if (counters == null) {
        String why =
            result.timedOut()
                ? "ansible-playbook timed out"
                : "ansible-playbook reported nothing for this host (exit code "
                    + result.exitCode()
                    + "): "
                    + result.lastLine();
        results.add(new HostResult(host, HostResult.Status.UNKNOWN, why));
      } else {
        results.add(hostResult(host, counters));
      }
    }
    return results;
  }

  private static HostResult hostResult(String host, JsonNode counters) {
    String message = counters.path("msg").asText("");
    if (counters.path("unreachable").asInt() > 0) {
      return new HostResult(host, HostResult.Status.UNREACHABLE, message);
    }
    if (counters.path("failures").asInt() > 0) {
      return new HostResult(host, HostResult.Status.FAILED, message);
    }
    if (counters.path("changed").asInt() > 0) {
      return new HostResult(host, HostResult.Status.CHANGED, "");
    }
    return new HostResult(host, HostResult.Status.OK, "");
  }

  private static void writeCallback(Path folder) throws IOException {
    try (InputStream in = AnsibleDeployer.class.getResourceAsStream(CALLBACK + ".py")) {
      if (in == null) {
        throw new IOException(
            "The Ansible callback " + CALLBACK + ".py is missing from the engine jar");
      }
      Files.copy(in, folder.resolve(CALLBACK + ".py"));
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
