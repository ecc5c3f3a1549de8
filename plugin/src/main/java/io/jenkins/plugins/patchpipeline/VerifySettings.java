package io.jenkins.plugins.patchpipeline;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.service.Globs;
import io.patchpipeline.engine.service.InventoryFiles;
import io.patchpipeline.engine.verify.VerifyOptions;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The parameters of one {@code verifyCve} call, checked and serializable so that they travel to the
 * agent, where {@link #toOptions(Path)} expands the globs in the workspace.
 *
 * @param rescan globs of re-scan reports, or empty
 * @param installed globs of installed-version files, or empty
 * @param installedFormat {@code auto} or the format of every installed-version file
 * @param advisories globs of distribution advisories (OSV JSON or OVAL XML), or empty
 * @param scannedTargets targets the re-scan covered even where it found nothing, separated by
 *     commas or line breaks, or empty
 * @param onRemaining {@code failure}, {@code unstable} or {@code ignore}
 * @param evidenceFolder a folder on the agent for the bundles, or empty to archive them
 */
public record VerifySettings(
    String rescan,
    String installed,
    String installedFormat,
    String advisories,
    String scannedTargets,
    String onRemaining,
    String evidenceFolder)
    implements Serializable {

  /** Workspace folder where bundles are staged before they are archived. */
  public static final String STAGING_FOLDER = "patch-pipeline/evidence";

  /** Artifact folder of the bundles. */
  public static final String ARTIFACT_FOLDER = "patch-pipeline/evidence";

  /** The accepted values of {@code onRemaining}, first the default. */
  static final List<String> ON_REMAINING = List.of("failure", "unstable", "ignore");

  /**
   * Copies the step's parameters and checks those that need no workspace.
   *
   * @throws IllegalArgumentException when neither input is given or a value is invalid; the message
   *     names the parameter and the accepted values
   */
  static VerifySettings of(VerifyCveStep step) {
    String rescan = trim(step.getRescan());
    String installed = trim(step.getInstalled());
    if (rescan.isEmpty() && installed.isEmpty()) {
      throw new IllegalArgumentException(
          "verifyCve needs rescan (re-scan reports), installed (installed-version files) or both");
    }
    String format = trim(step.getInstalledFormat());
    if (!format.isEmpty() && !format.equalsIgnoreCase(InventoryFiles.AUTO)) {
      try {
        InventoryFiles.parse(format);
      } catch (InputException e) {
        throw new IllegalArgumentException(
            "Invalid installedFormat '"
                + format
                + "'; expected auto, ansible, dpkg, rpm, apk or uname",
            e);
      }
    }
    String onRemaining = trim(step.getOnRemaining()).toLowerCase(Locale.ROOT);
    if (onRemaining.isEmpty()) {
      onRemaining = ON_REMAINING.get(0);
    } else if (!ON_REMAINING.contains(onRemaining)) {
      throw new IllegalArgumentException(
          "Invalid onRemaining '"
              + step.getOnRemaining().trim()
              + "'; expected failure, unstable or ignore");
    }
    return new VerifySettings(
        rescan,
        installed,
        format.isEmpty() ? InventoryFiles.AUTO : format,
        trim(step.getAdvisories()),
        trim(step.getScannedTargets()),
        onRemaining,
        trim(step.getEvidenceFolder()));
  }

  /** Returns whether the bundles are archived with the build rather than kept in a folder. */
  public boolean archivesEvidence() {
    return evidenceFolder.isEmpty();
  }

  /**
   * Returns the folder on the agent that receives the bundles of a run started at {@code stamp}.
   */
  Path bundleFolder(Path workspace, String stamp) {
    Path base =
        archivesEvidence()
            ? workspace.resolve(STAGING_FOLDER)
            : workspace.resolve(evidenceFolder).normalize();
    return base.resolve(stamp);
  }

  /** Expands the globs in {@code workspace} into the engine's options. */
  VerifyOptions toOptions(Path workspace) throws IOException {
    List<VerifyOptions.InventoryInput> inventories =
        installed.isEmpty()
            ? List.of()
            : InventoryFiles.resolve(workspace, DetectSettings.globs(installed), installedFormat);
    List<Path> rescans =
        rescan.isEmpty() ? List.of() : Globs.expand(workspace, DetectSettings.globs(rescan));
    List<Path> advisoryFiles =
        advisories.isEmpty()
            ? List.of()
            : Globs.expand(workspace, DetectSettings.globs(advisories));
    // TODO: The report parsers do not tell which targets a scan covered without findings, so a
    // clean target counts as scanned only when scannedTargets names it.
    return new VerifyOptions(
        inventories,
        advisoryFiles,
        rescans,
        DetectSettings.globs(scannedTargets),
        failureMode(),
        true);
  }

  VerifyOptions.FailureMode failureMode() {
    return switch (onRemaining) {
      case "unstable" -> VerifyOptions.FailureMode.UNSTABLE;
      case "ignore" -> VerifyOptions.FailureMode.IGNORE;
      default -> VerifyOptions.FailureMode.FAIL;
    };
  }

  private static String trim(String value) {
    return value == null ? "" : value.trim();
  }
}
