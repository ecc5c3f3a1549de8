package io.patchpipeline.engine.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.core.JsonProblems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads and checks a YAML rollout plan; every error names the file and the key. */
public final class PlanLoader {
  /** The deployers a plan may name. */
  /**
   * The keys a plan may have besides its tool's section. The tool sections' own keys are read by
   * each deployer and not checked here.
   */
  // NOTE: misspelt keys inside a tool's section (such as ansible.rollbackPlaybok) are still
  // ignored.
  private static final Set<String> TOP_LEVEL_KEYS =
      Set.of(
          "tool",
          "hosts",
          "serial",
          "waves",
          "hold",
          "staging",
          "health",
          "failureBudget",
          "onFailure",
          "cveGate",
          "changeRequest",
          "installedVersions");

  public static final Set<String> TOOLS =
      Set.of(
          "ansible",
          "kubectl",
          "helm",
          "argo-rollouts",
          "chocolatey",
          "windows-update",
          "intune",
          "block");

  private PlanLoader() {}

  public static DeployPlan load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), "", "plan not found", e);
    }
  }

  /**
   * Reads the YAML tree of a plan, for sections that other layers read themselves, such as the
   * installed-version source of the CVE gate.
   */
  public static PlanNodes root(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new PlanNodes(file.toString(), "", tree(in, file.toString()));
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), "", "plan not found", e);
    }
  }

  public static DeployPlan load(InputStream in, String name) throws IOException {
    return parse(new PlanNodes(name, "", tree(in, name)));
  }

  private static JsonNode tree(InputStream in, String name) throws IOException {
    JsonNode tree;
    try {
      tree =
          Json.yaml()
              .reader()
              .with(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
              .readTree(in);
    } catch (JsonProcessingException e) {
      throw JsonProblems.error(name, "not a YAML plan", e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InputException(name, "", "not a rollout plan; expected a YAML mapping");
    }
    return tree;
  }

  static DeployPlan parse(PlanNodes root) {
    String tool = root.requiredText("tool");
    if (!TOOLS.contains(tool)) {
      throw root.error(
          "tool",
          "unknown tool '" + tool + "'; expected one of " + TOOLS.stream().sorted().toList());
    }
    Set<String> known = new HashSet<>(TOP_LEVEL_KEYS);
    known.addAll(TOOLS);
    root.requireKnownKeys(known);
    root.section("staging").requireKnownKeys(Set.of("hosts", "smoke", "reboot"));
    root.section("staging")
        .section("smoke")
        .requireKnownKeys(Set.of("command", "junit", "timeout"));
    root.section("staging")
        .section("reboot")
        .requireKnownKeys(
            Set.of("reboot", "probe", "runningKernel", "installedKernel", "deadline", "interval"));
    root.section("health")
        .requireKnownKeys(Set.of("checks", "interval", "minSamples", "failureLimit", "noData"));
    root.section("failureBudget").requireKnownKeys(Set.of("perWave", "overall"));
    List<String> hosts = hosts(root, "hosts");
    boolean serial = root.has("serial");
    if (serial && root.has("waves")) {
      throw root.error("serial", "set either waves (cumulative) or serial (batch sizes), not both");
    }
    List<WaveSize> waves = sizes(root, serial ? "serial" : "waves");
    Duration hold = root.duration("hold", Duration.ZERO);
    return new DeployPlan(
        root.file(),
        tool,
        root.section(tool).node(),
        hosts,
        staging(root.section("staging")),
        waves,
        serial,
        hold,
        health(root.section("health")),
        budget(root.section("failureBudget")),
        root.choice("onFailure", FailureAction.class, FailureAction.ROLLBACK),
        root.bool("cveGate", false));
  }

  private static List<String> hosts(PlanNodes nodes, String key) {
    List<String> hosts = nodes.texts(key);
    for (int i = 0; i < hosts.size(); i++) {
      DeployNames.host(hosts.get(i), nodes.file(), nodes.pointer(key) + "/" + i);
    }
    // Host names are case-insensitive, so web01 and WEB01 are the same host.
    Set<String> seen = new HashSet<>();
    for (String host : hosts) {
      if (!seen.add(host.toLowerCase(Locale.ROOT))) {
        throw nodes.error(key, "host '" + host + "' is listed twice");
      }
    }
    return hosts;
  }

  private static List<WaveSize> sizes(PlanNodes root, String key) {
    List<WaveSize> sizes = new ArrayList<>();
    if (!root.has(key)) {
      sizes.add(WaveSize.percent(100));
      return sizes;
    }
    JsonNode value = root.node().get(key);
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        sizes.add(root.size(value.get(i), root.pointer(key) + "/" + i));
      }
    } else {
      sizes.add(root.size(value, root.pointer(key)));
    }
    if (sizes.isEmpty()) {
      throw root.error(key, "expected at least one wave size");
    }
    for (int i = 0; i < sizes.size(); i++) {
      if (sizes.get(i).value() == 0) {
        throw new InputException(
            root.file(), root.pointer(key) + "/" + i, "a wave needs at least one host");
      }
    }
    return sizes;
  }

  private static Optional<StagingPlan> staging(PlanNodes staging) {
    if (!staging.exists()) {
      return Optional.empty();
    }
    List<String> hosts = hosts(staging, "hosts");
    if (hosts.isEmpty()) {
      throw staging.error("hosts", "missing; a staging wave needs at least one host");
    }
    return Optional.of(
        new StagingPlan(hosts, smoke(staging.section("smoke")), reboot(staging.section("reboot"))));
  }

  private static Optional<SmokeTest> smoke(PlanNodes smoke) {
    if (!smoke.exists()) {
      return Optional.empty();
    }
    List<String> command = smoke.texts("command");
    if (command.isEmpty()) {
      throw smoke.error("command", "missing; expected the smoke test command as a list");
    }
    return Optional.of(
        new SmokeTest(
            command, smoke.text("junit"), smoke.duration("timeout", Duration.ofMinutes(10))));
  }

  private static Optional<RebootCycle> reboot(PlanNodes reboot) {
    if (!reboot.exists()) {
      return Optional.empty();
    }
    for (String key : List.of("reboot", "probe", "runningKernel", "installedKernel")) {
      if (reboot.texts(key).isEmpty()) {
        throw reboot.error(key, "missing; expected a command as a list");
      }
    }
    return Optional.of(
        new RebootCycle(
            reboot.texts("reboot"),
            reboot.texts("probe"),
            reboot.texts("runningKernel"),
            reboot.texts("installedKernel"),
            reboot.duration("deadline", Duration.ofMinutes(15)),
            reboot.duration("interval", Duration.ofSeconds(15))));
  }

  private static HealthPlan health(PlanNodes health) {
    if (!health.exists()) {
      return HealthPlan.NONE;
    }
    List<HealthCheckSpec> checks = new ArrayList<>();
    JsonNode list = health.node().get("checks");
    if (list != null && !list.isArray()) {
      throw health.error("checks", "expected a list of checks");
    }
    for (int i = 0; list != null && i < list.size(); i++) {
      checks.add(
          HealthCheckReader.read(
              new PlanNodes(health.file(), health.pointer("checks") + "/" + i, list.get(i)), i));
    }
    Duration interval = health.duration("interval", Duration.ofSeconds(30));
    if (interval.isZero() || interval.isNegative()) {
      throw health.error("interval", "expected a positive duration");
    }
    return new HealthPlan(
        interval,
        health.integer("minSamples", 3, 1, 100_000),
        health.integer("failureLimit", 0, 0, 100_000),
        health.choice("noData", NoDataPolicy.class, NoDataPolicy.FAILED),
        checks);
  }

  private static FailureBudget budget(PlanNodes budget) {
    if (!budget.exists()) {
      return FailureBudget.NONE;
    }
    WaveSize perWave =
        budget.has("perWave")
            ? budget.size(budget.node().get("perWave"), budget.pointer("perWave"))
            : WaveSize.percent(0);
    WaveSize overall =
        budget.has("overall")
            ? budget.size(budget.node().get("overall"), budget.pointer("overall"))
            : perWave;
    return new FailureBudget(perWave, overall);
  }
}
