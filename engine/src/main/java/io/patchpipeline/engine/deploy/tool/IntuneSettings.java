package io.patchpipeline.engine.deploy.tool;

import io.patchpipeline.engine.deploy.PlanNodes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code intune} section of a plan: the Graph base URL, the mode, and per ring the id of its
 * Windows Update for Business configuration and of the Entra ID group it is assigned to.
 *
 * @param qualityUpdateRelease the release date that names the quality update to expedite, as
 *     Graph's {@code expeditedWindowsQualityUpdateSettings.qualityUpdateRelease} expects it
 */
public record IntuneSettings(
    String graphUrl,
    boolean expedite,
    int deferralDays,
    String qualityUpdateRelease,
    int daysUntilForcedReboot,
    Map<String, Ring> rings,
    String tokenVariable,
    Duration timeout) {
  private static final Pattern GRAPH_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-]{0,63}");
  private static final Pattern RELEASE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

  /** One Windows Update for Business ring. */
  public record Ring(String configurationId, String groupId) {}

  public IntuneSettings {
    rings = Map.copyOf(rings);
  }

  Ring ring(String name) {
    Ring ring = rings.get(name);
    if (ring == null) {
      throw new io.patchpipeline.engine.core.InputException(
          "intune",
          "/intune/rings",
          "no ring named '" + name + "'; the plan names " + rings.keySet());
    }
    return ring;
  }

  static IntuneSettings read(PlanNodes section) {
    if (!section.exists()) {
      throw section.error("rings", "missing intune section with rings");
    }
    String mode = section.text("mode", "deferral");
    if (!mode.equals("deferral") && !mode.equals("expedite")) {
      throw section.error("mode", "invalid mode '" + mode + "'; expected deferral or expedite");
    }
    String release = section.text("qualityUpdateRelease", "");
    if (mode.equals("expedite") && !RELEASE.matcher(release).matches()) {
      throw section.error(
          "qualityUpdateRelease", "expected the release date as 2024-01-09T00:00:00Z for expedite");
    }
    Map<String, Ring> rings = new LinkedHashMap<>();
    PlanNodes ringNodes = section.section("rings");
    if (!ringNodes.exists() || !ringNodes.node().isObject() || ringNodes.node().isEmpty()) {
      throw section.error("rings", "expected rings by name, each with configurationId and groupId");
    }
    for (String name : (Iterable<String>) ringNodes.node()::fieldNames) {
      PlanNodes ring = ringNodes.section(name);
      rings.put(name, new Ring(id(ring, "configurationId"), id(ring, "groupId")));
    }
    String url = section.text("graphUrl", "https://graph.microsoft.com").replaceAll("/+$", "");
    return new IntuneSettings(
        url,
        mode.equals("expedite"),
        section.integer("deferralDays", 0, 0, 30),
        release,
        section.integer("daysUntilForcedReboot", 1, 0, 2),
        rings,
        section.text("tokenVariable", "PATCH_PIPELINE_GRAPH_TOKEN"),
        section.duration("timeout", Duration.ofSeconds(30)));
  }

  private static String id(PlanNodes ring, String key) {
    String value = ring.requiredText(key);
    if (!GRAPH_ID.matcher(value).matches()) {
      throw ring.error(key, "invalid id '" + value + "'; expected a GUID");
    }
    return value;
  }
}
