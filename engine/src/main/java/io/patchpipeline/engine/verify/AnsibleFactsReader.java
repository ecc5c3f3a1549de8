package io.patchpipeline.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads installed packages from Ansible's {@code package_facts} module ({@code
 * ansible_facts.packages}: name to a list of {@code {version, release, epoch, arch, source}}, where
 * {@code source} names the package manager, not the source package) and, where gathered, the
 * running kernel and distribution from the {@code setup} facts. Three shapes are read:
 *
 * <ul>
 *   <li>{@code ansible-playbook} output with {@code ANSIBLE_STDOUT_CALLBACK=json}: {@code
 *       plays[].tasks[].hosts.HOST}, where a host marked {@code unreachable} becomes unreachable;
 *   <li>an object of host name to module result or facts;
 *   <li>one module result or facts object, for the host the caller names.
 * </ul>
 */
public final class AnsibleFactsReader {
  private AnsibleFactsReader() {}

  /** Reads {@code json}; {@code defaultHost} names the host of a single-host document. */
  public static Map<String, HostInventory> read(String json, String defaultHost, String file) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new InputException(file, "", "invalid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InputException(file, "/", "expected a JSON object with Ansible facts");
    }
    if (root.has("plays")) {
      return fromPlaybook(root, file);
    }
    if (hasFacts(root)) {
      return Map.of(defaultHost, fromResult(defaultHost, root, file, "/"));
    }
    Map<String, HostInventory> hosts = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      hosts.put(
          entry.getKey(), fromResult(entry.getKey(), entry.getValue(), file, "/" + entry.getKey()));
    }
    if (hosts.isEmpty()) {
      throw new InputException(file, "/", "expected ansible_facts.packages or an object of hosts");
    }
    return hosts;
  }

  private static Map<String, HostInventory> fromPlaybook(JsonNode root, String file) {
    Map<String, HostInventory> hosts = new LinkedHashMap<>();
    for (JsonNode play : root.path("plays")) {
      for (JsonNode task : play.path("tasks")) {
        for (Iterator<Map.Entry<String, JsonNode>> it = task.path("hosts").fields();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          HostInventory found =
              fromResult(
                  entry.getKey(), entry.getValue(), file, "/plays/tasks/hosts/" + entry.getKey());
          hosts.merge(entry.getKey(), found, HostInventory::mergedWith);
        }
      }
    }
    return hosts;
  }

  private static boolean hasFacts(JsonNode node) {
    return node.has("ansible_facts") || node.has("packages");
  }

  private static HostInventory fromResult(
      String host, JsonNode result, String file, String pointer) {
    if (result.path("unreachable").asBoolean(false)) {
      return HostInventory.unreachable(host, result.path("msg").asText("unreachable"), "ansible");
    }
    if (result.path("failed").asBoolean(false)) {
      return HostInventory.unreachable(
          host, "task failed: " + result.path("msg").asText(""), "ansible");
    }
    JsonNode facts = result.has("ansible_facts") ? result.get("ansible_facts") : result;
    HostInventory inventory =
        HostInventory.of(
            host, packages(facts.path("packages"), file, pointer), "ansible package_facts");
    if (!facts.has("packages")) {
      inventory = new HostInventory(host, true, "", "", "", Map.of(), "", "", "ansible setup");
    }
    String distribution =
        text(facts, "ansible_distribution", "distribution").toLowerCase(Locale.ROOT);
    String release =
        text(facts, "ansible_distribution_major_version", "distribution_major_version");
    return inventory
        .withDistribution(distributionId(distribution), release)
        .withKernel(
            text(facts, "ansible_kernel", "kernel"),
            text(facts, "ansible_kernel_version", "kernel_version"));
  }

  private static String text(JsonNode facts, String name, String shortName) {
    JsonNode value = facts.has(name) ? facts.get(name) : facts.path(shortName);
    return value.isValueNode() ? value.asText("") : "";
  }

  /** Maps Ansible's distribution names to the ecosystem names verification uses. */
  private static String distributionId(String name) {
    return switch (name) {
      case "redhat",
          "centos",
          "rocky",
          "almalinux",
          "oraclelinux",
          "fedora",
          "amazon",
          "suse",
          "sles",
          "opensuse leap" ->
          "rpm";
      default -> name;
    };
  }

  private static List<InstalledPackage> packages(JsonNode node, String file, String pointer) {
    List<InstalledPackage> installed = new ArrayList<>();
    if (node.isMissingNode()) {
      return installed;
    }
    if (!node.isObject()) {
      throw new InputException(
          file,
          pointer + "/ansible_facts/packages",
          "expected an object of package name to a list");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      for (JsonNode item : entry.getValue()) {
        String version = item.path("version").asText("");
        if (version.isEmpty()) {
          throw new InputException(
              file,
              pointer + "/ansible_facts/packages/" + entry.getKey(),
              "expected a version for each entry");
        }
        installed.add(
            new InstalledPackage(
                entry.getKey(), fullVersion(item), item.path("arch").asText(""), ""));
      }
    }
    return installed;
  }

  /**
   * Joins epoch, version and release as the ecosystem compares them. The apt back end reports the
   * whole Debian version in {@code version}; rpm reports the three parts apart.
   */
  static String fullVersion(JsonNode item) {
    String version = item.path("version").asText("");
    String release = item.path("release").isNull() ? "" : item.path("release").asText("");
    JsonNode epochNode = item.path("epoch");
    String epoch = epochNode.isNull() || epochNode.isMissingNode() ? "" : epochNode.asText("");
    StringBuilder full = new StringBuilder();
    if (!epoch.isEmpty() && !"0".equals(epoch)) {
      full.append(epoch).append(':');
    }
    full.append(version);
    if (!release.isEmpty()) {
      full.append('-').append(release);
    }
    return full.toString();
  }
}
