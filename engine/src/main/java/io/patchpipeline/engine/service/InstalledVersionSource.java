package io.patchpipeline.engine.service;

import io.patchpipeline.engine.deploy.PlanNodes;
import io.patchpipeline.engine.verify.InventoryFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The source of the installed versions that the CVE gate reads for a wave's hosts, from the plan's
 * {@code installedVersions} section: an optional {@code command} run once per wave ({@code {hosts}}
 * is replaced by the wave's hosts, comma-separated, as {@code --limit} takes them), then either a
 * {@code file} read per host ({@code {host}} replaced) or for all hosts at once, or a {@code
 * hostCommand} run per host whose output is the package list.
 *
 * @param format how the files or outputs are written: Ansible facts, or dpkg-query, rpm or apk
 *     output
 * @param ecosystem the version ordering to compare with; empty means the host's distribution, or
 *     the format's own for dpkg, rpm and apk
 */
record InstalledVersionSource(
    InventoryFormat format,
    List<String> command,
    Optional<String> file,
    List<String> hostCommand,
    String ecosystem,
    Duration timeout) {
  static final String SECTION = "installedVersions";

  InstalledVersionSource {
    command = List.copyOf(command);
    hostCommand = List.copyOf(hostCommand);
  }

  /** Reads the section; fails with the key's position when it is missing or inconsistent. */
  static InstalledVersionSource read(PlanNodes root) {
    PlanNodes section = root.section(SECTION);
    if (!section.exists()) {
      throw root.error(
          SECTION,
          "missing; cveGate: true needs installedVersions with a format and a file or hostCommand");
    }
    String formatName = section.requiredText("format").toUpperCase(Locale.ROOT);
    InventoryFormat format;
    try {
      format = InventoryFormat.valueOf(formatName);
    } catch (IllegalArgumentException e) {
      format = InventoryFormat.UNAME;
    }
    if (format == InventoryFormat.UNAME) {
      throw section.error(
          "format",
          "invalid format '"
              + formatName.toLowerCase(Locale.ROOT)
              + "'; expected ansible, dpkg, rpm or apk");
    }
    Optional<String> file = section.text("file");
    List<String> hostCommand = section.texts("hostCommand");
    if (file.isPresent() == !hostCommand.isEmpty()) {
      throw section.error("file", "set either file or hostCommand, exactly one of them");
    }
    if (!hostCommand.isEmpty() && hostCommand.stream().noneMatch(a -> a.contains("{host}"))) {
      throw section.error("hostCommand", "expected {host} in an argument of the command");
    }
    if (file.isPresent() && !file.get().contains("{host}") && format != InventoryFormat.ANSIBLE) {
      throw section.error(
          "file", "a file without {host} must hold the facts of all hosts: use format ansible");
    }
    return new InstalledVersionSource(
        format,
        section.texts("command"),
        file,
        hostCommand,
        section.text("ecosystem", ""),
        section.duration("timeout", Duration.ofMinutes(10)));
  }

  /** Returns the ecosystem to compare with when the host does not name its distribution. */
  String ecosystemOr(String hostDistribution) {
    if (!ecosystem.isEmpty()) {
      return ecosystem;
    }
    return switch (format) {
      case DPKG -> "debian";
      case RPM -> "rpm";
      case APK -> "alpine";
      default -> hostDistribution;
    };
  }
}
