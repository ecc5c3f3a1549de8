package io.jenkins.plugins.patchpipeline;

import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.service.DetectOptions;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The settings of one {@code patchDetect} call after the global defaults are applied. This is the
 * one place where the step's parameters become the engine's {@link DetectOptions}; it is
 * serializable so that it travels to the agent, where {@link #toOptions(Path)} runs.
 *
 * @param reports comma- or newline-separated globs relative to the workspace
 * @param feedCache folder for downloaded feeds on the agent, relative to the workspace or absolute
 * @param failOnPriority {@code P0} to {@code P3}, or empty for never
 */
public record DetectSettings(
    String reports,
    String inventory,
    String policy,
    String kev,
    String epss,
    String feedCache,
    boolean download,
    String failOnPriority)
    implements Serializable {

  /** Workspace-relative file the engine writes the record to, and its archived artifact name. */
  public static final String RECORD_PATH = "patch-pipeline/record.json";

  /** Workspace-relative copy of an earlier build's record, read for first-seen times. */
  public static final String PREVIOUS_RECORD_PATH = "patch-pipeline/previous-record.json";

  /** Combines a step's parameters with the global configuration; a step value wins when set. */
  public static DetectSettings of(PatchDetectStep step, FeedDefaults defaults) {
    return new DetectSettings(
        step.getReports(),
        firstSet(step.getInventory(), defaults.inventory()),
        firstSet(step.getPolicy(), defaults.policy()),
        firstSet(step.getKev(), defaults.kev()),
        firstSet(step.getEpss(), defaults.epss()),
        defaults.feedCache(),
        defaults.download(),
        step.getFailOnPriority());
  }

  /**
   * Builds the engine options with relative paths resolved against {@code workspace}.
   *
   * <p>TODO: KEV and EPSS values pass through as given, and the engine reads them as files. Map
   * http(s) URLs to the engine's feed download once it fetches named URLs.
   */
  public DetectOptions toOptions(Path workspace) {
    return toOptions(workspace, null);
  }

  /**
   * Builds the engine options as {@link #toOptions(Path)} does, with {@code previous}, an earlier
   * record whose first-seen times carry over; {@code null} for none.
   */
  public DetectOptions toOptions(Path workspace, Path previous) {
    DetectOptions.Builder builder =
        DetectOptions.builder(workspace)
            .reports(globs(reports))
            .inventory(inventory)
            .policy(policy)
            .kev(kev)
            .epss(epss)
            .download(download)
            .recordOut(workspace.resolve(RECORD_PATH))
            .previous(previous);
    if (!isBlank(feedCache)) {
      builder.feedCache(workspace.resolve(feedCache.trim()));
    }
    if (!isBlank(failOnPriority)) {
      builder.failOn(Priority.parse(failOnPriority));
    }
    return builder.build();
  }

  /** Splits {@code reports} at commas and line breaks, dropping empty entries. */
  static List<String> globs(String reports) {
    List<String> globs = new ArrayList<>();
    if (reports != null) {
      Arrays.stream(reports.split("[,\\r\\n]+"))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .forEach(globs::add);
    }
    return globs;
  }

  private static String firstSet(String value, String fallback) {
    return isBlank(value) ? fallback : value;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
