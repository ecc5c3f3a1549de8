package io.patchpipeline.engine.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Inputs for verifying a record's units. Either or both methods may be given: installed versions
 * ({@code inventories}, optionally with {@code advisories}) and a re-scan ({@code rescanReports}).
 *
 * @param inventories installed-version files, each with its format and, for single-host formats,
 *     the host it came from
 * @param advisories distribution advisories: {@code .json} files are OSV records, {@code .xml}
 *     files OVAL definitions
 * @param rescanReports reports of a new scan of the same scope
 * @param scannedTargets targets the new scan covered even where it found nothing
 * @param onRemaining what a CVE that remains or cannot be verified makes of the run
 * @param unknownCountsAsRemaining whether an unverified CVE fails or marks the run like a remaining
 *     one; when false, only a CVE proven still vulnerable does
 */
public record VerifyOptions(
    List<InventoryInput> inventories,
    List<Path> advisories,
    List<Path> rescanReports,
    List<String> scannedTargets,
    FailureMode onRemaining,
    boolean unknownCountsAsRemaining) {

  public VerifyOptions {
    inventories = List.copyOf(inventories);
    advisories = List.copyOf(advisories);
    rescanReports = List.copyOf(rescanReports);
    scannedTargets = List.copyOf(scannedTargets);
    onRemaining = Objects.requireNonNullElse(onRemaining, FailureMode.FAIL);
    if (inventories.isEmpty() && rescanReports.isEmpty()) {
      throw new IllegalArgumentException(
          "Nothing to verify with: give installed-version files, re-scan reports or both");
    }
  }

  /**
   * One installed-version file. {@code host} is ignored for Ansible files, which name their hosts.
   */
  public record InventoryInput(Path file, InventoryFormat format, String host) {
    public InventoryInput {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(format, "format");
      host = Objects.requireNonNullElse(host, "");
      if (format != InventoryFormat.ANSIBLE && host.isEmpty()) {
        throw new IllegalArgumentException(
            "Installed-version file " + file + " (" + format + ") needs the name of its host");
      }
    }
  }

  /** Run outcome when a CVE remains. */
  public enum FailureMode {
    FAIL,
    UNSTABLE,
    IGNORE
  }
}
