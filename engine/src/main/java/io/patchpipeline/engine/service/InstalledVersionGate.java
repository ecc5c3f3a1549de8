package io.patchpipeline.engine.service;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.deploy.VersionGate;
import io.patchpipeline.engine.deploy.tool.Command;
import io.patchpipeline.engine.deploy.tool.CommandResult;
import io.patchpipeline.engine.deploy.tool.CommandRunner;
import io.patchpipeline.engine.deploy.tool.DeployItem;
import io.patchpipeline.engine.report.PackageKind;
import io.patchpipeline.engine.verify.AdvisoryIndex;
import io.patchpipeline.engine.verify.AnsibleFactsReader;
import io.patchpipeline.engine.verify.CheckItem;
import io.patchpipeline.engine.verify.FindingVerification;
import io.patchpipeline.engine.verify.HostInventory;
import io.patchpipeline.engine.verify.PackageListReader;
import io.patchpipeline.engine.verify.TargetedCheck;
import io.patchpipeline.engine.verify.VerificationStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CVE gate of a wave: collects the installed versions of the wave's hosts as the plan's {@code
 * installedVersions} section describes, then runs verification's {@link TargetedCheck} on each host
 * and fix. A host whose version cannot be read (command failed, file missing or unreadable, package
 * not reported) is {@link VersionGate.Status#UNKNOWN}, which never counts as fixed.
 */
final class InstalledVersionGate implements VersionGate {
  private final InstalledVersionSource source;
  private final CommandRunner runner;
  private final Path baseDir;

  InstalledVersionGate(InstalledVersionSource source, CommandRunner runner, Path baseDir) {
    this.source = source;
    this.runner = runner;
    this.baseDir = baseDir;
  }

  @Override
  public List<Result> check(List<String> hosts, List<DeployItem> items)
      throws IOException, InterruptedException {
    Map<String, HostInventory> inventories = new LinkedHashMap<>();
    if (!source.command().isEmpty()) {
      deleteStaleFiles(hosts);
      CommandResult result = runner.run(waveCommand(hosts));
      if (!result.succeeded()) {
        String reason =
            "the installed-version command failed with exit code "
                + result.exitCode()
                + (result.timedOut() ? " (timed out)" : "")
                + ": "
                + result.lastLine();
        hosts.forEach(h -> inventories.put(h, HostInventory.unreachable(h, reason, "command")));
        return compare(hosts, items, inventories);
      }
    }
    for (String host : hosts) {
      inventories.put(host, collect(host));
    }
    return compare(hosts, items, inventories);
  }

  @Override
  public List<String> describe(List<String> hosts, List<DeployItem> items) {
    List<String> lines = new ArrayList<>();
    if (!source.command().isEmpty()) {
      lines.add("run once: " + waveCommand(hosts).display());
    }
    if (source.file().isPresent()) {
      lines.add(
          "read "
              + source.format().name().toLowerCase(java.util.Locale.ROOT)
              + " output from "
              + source.file().get());
    } else {
      lines.add("run per host: " + hostCommand(hosts.get(0)).display() + " (and the other hosts)");
    }
    for (DeployItem item : items) {
      lines.add(
          "require "
              + item.name()
              + " at least "
              + item.version()
              + " on every host; an unknown version fails the gate");
    }
    return lines;
  }

  /**
   * Deletes the per-host files the wave command writes, so that a file left from an earlier run is
   * never read for a host the command did not reach.
   */
  private void deleteStaleFiles(List<String> hosts) throws IOException {
    if (source.file().isEmpty() || !source.file().get().contains("{host}")) {
      return;
    }
    for (String host : hosts) {
      Files.deleteIfExists(baseDir.resolve(source.file().get().replace("{host}", host)));
    }
  }

  private Command waveCommand(List<String> hosts) {
    String joined = String.join(",", hosts);
    List<String> arguments =
        source.command().stream().map(a -> a.replace("{hosts}", joined)).toList();
    return new Command(
        arguments, Map.of(), Map.of(), Optional.of(baseDir), source.timeout(), Optional.empty());
  }

  private Command hostCommand(String host) {
    List<String> arguments =
        source.hostCommand().stream().map(a -> a.replace("{host}", host)).toList();
    return new Command(
        arguments, Map.of(), Map.of(), Optional.of(baseDir), source.timeout(), Optional.empty());
  }

  private HostInventory collect(String host) throws IOException, InterruptedException {
    String name;
    String text;
    if (source.file().isPresent()) {
      Path file = baseDir.resolve(source.file().get().replace("{host}", host));
      name = file.toString();
      if (!Files.isRegularFile(file)) {
        return HostInventory.unreachable(host, "no installed versions in " + name, name);
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } else {
      Command command = hostCommand(host);
      name = command.display();
      CommandResult result = runner.run(command);
      if (!result.succeeded()) {
        return HostInventory.unreachable(
            host,
            "'" + name + "' failed with exit code " + result.exitCode() + ": " + result.lastLine(),
            name);
      }
      text = result.output();
    }
    try {
      return parse(host, text, name);
    } catch (InputException e) {
      return HostInventory.unreachable(host, e.getMessage(), name);
    }
  }

  private HostInventory parse(String host, String text, String name) {
    return switch (source.format()) {
      case ANSIBLE -> {
        HostInventory found = AnsibleFactsReader.read(text, host, name).get(host);
        yield found != null
            ? found
            : HostInventory.unreachable(host, name + " has no facts of " + host, name);
      }
      case DPKG -> PackageListReader.dpkgQuery(host, text, name);
      case RPM -> PackageListReader.rpmQuery(host, text, name);
      case APK -> PackageListReader.apkInfo(host, text, name);
      case UNAME -> throw new IllegalStateException("uname output has no package versions");
    };
  }

  private List<Result> compare(
      List<String> hosts, List<DeployItem> items, Map<String, HostInventory> inventories) {
    TargetedCheck check = new TargetedCheck(inventories, AdvisoryIndex.empty());
    List<Result> results = new ArrayList<>();
    for (String host : hosts) {
      String distribution = inventories.get(host).distribution();
      for (DeployItem item : items) {
        results.add(result(host, item, check.check(checkItem(host, item, distribution))));
      }
    }
    return results;
  }

  private CheckItem checkItem(String host, DeployItem item, String distribution) {
    return new CheckItem(
        item.unitId(),
        item.cves().isEmpty() ? item.unitId() : item.cves().get(0),
        item.cves(),
        item.name(),
        source.ecosystemOr(distribution),
        kind(item),
        List.of(host),
        Optional.of(List.of(item.version())));
  }

  private static Result result(String host, DeployItem item, FindingVerification verification) {
    Status status =
        verification.status() == VerificationStatus.FIXED
            ? Status.FIXED
            : verification.status() == VerificationStatus.STILL_VULNERABLE
                ? Status.VULNERABLE
                : Status.UNKNOWN;
    return new Result(host, item.name(), status, verification.reason());
  }

  private static PackageKind kind(DeployItem item) {
    try {
      return PackageKind.valueOf(item.kind());
    } catch (IllegalArgumentException e) {
      return PackageKind.UNKNOWN;
    }
  }
}
