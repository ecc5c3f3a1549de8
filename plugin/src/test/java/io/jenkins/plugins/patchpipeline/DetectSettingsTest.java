package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.service.DetectOptions;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectSettingsTest {
  private static final Path WORKSPACE = Path.of("/agent/workspace/job");
  private static final FeedDefaults DEFAULTS =
      new FeedDefaults(
          "/feeds/kev.json", "/feeds/epss.csv.gz", "/cache", true, "bod-22-01", "assets.yaml");

  @Test
  void stepValuesWinOverGlobalDefaults() {
    PatchDetectStep step = new PatchDetectStep("scans/*.json");
    step.setKev("kev-local.json");
    step.setPolicy("patch-policy.yaml");

    DetectSettings settings = DetectSettings.of(step, DEFAULTS);

    assertThat(settings.kev()).isEqualTo("kev-local.json");
    assertThat(settings.policy()).isEqualTo("patch-policy.yaml");
    assertThat(settings.epss()).isEqualTo("/feeds/epss.csv.gz");
    assertThat(settings.inventory()).isEqualTo("assets.yaml");
    assertThat(settings.feedCache()).isEqualTo("/cache");
    assertThat(settings.download()).isTrue();
  }

  @Test
  void blankStepValueFallsBackToDefault() {
    PatchDetectStep step = new PatchDetectStep("scans/*.json");
    step.setInventory("  ");

    assertThat(DetectSettings.of(step, DEFAULTS).inventory()).isEqualTo("assets.yaml");
  }

  @Test
  void optionsResolveAgainstTheWorkspace() {
    PatchDetectStep step = new PatchDetectStep("scans/**/*.json,\nextra.sarif");
    step.setFailOnPriority("p1");

    DetectOptions options = DetectSettings.of(step, DEFAULTS).toOptions(WORKSPACE);

    assertThat(options.baseDir()).isEqualTo(WORKSPACE);
    assertThat(options.reports()).containsExactly("scans/**/*.json", "extra.sarif");
    assertThat(options.kev()).contains("/feeds/kev.json");
    assertThat(options.epss()).contains("/feeds/epss.csv.gz");
    assertThat(options.policy()).contains("bod-22-01");
    assertThat(options.inventory()).contains("assets.yaml");
    assertThat(options.failOn()).contains(Priority.P1);
    assertThat(options.download()).isTrue();
    assertThat(options.feedCache()).contains(Path.of("/cache"));
    assertThat(options.recordOut()).contains(WORKSPACE.resolve("patch-pipeline/record.json"));
  }

  @Test
  void noDefaultsLeaveOptionsEmpty() {
    DetectOptions options =
        DetectSettings.of(new PatchDetectStep("a.json"), FeedDefaults.NONE).toOptions(WORKSPACE);

    assertThat(options.kev()).isEmpty();
    assertThat(options.epss()).isEmpty();
    assertThat(options.policy()).isEmpty();
    assertThat(options.inventory()).isEmpty();
    assertThat(options.failOn()).isEqualTo(Optional.empty());
    assertThat(options.feedCache()).isEmpty();
    assertThat(options.download()).isFalse();
  }

  @Test
  void relativeFeedCacheIsInTheWorkspace() {
    FeedDefaults defaults = new FeedDefaults(null, null, ".feeds", true, null, null);

    DetectOptions options =
        DetectSettings.of(new PatchDetectStep("a.json"), defaults).toOptions(WORKSPACE);

    assertThat(options.feedCache()).contains(WORKSPACE.resolve(".feeds"));
  }

  @Test
  void invalidPriorityNamesTheValue() {
    PatchDetectStep step = new PatchDetectStep("a.json");
    step.setFailOnPriority("urgent");
    DetectSettings settings = DetectSettings.of(step, FeedDefaults.NONE);

    assertThatThrownBy(() -> settings.toOptions(WORKSPACE)).hasMessageContaining("'urgent'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"a.json;1", "a.json, b.json;2", "' a.json ,, b.json ,';2", "'';0", "' , ';0"})
  void globsSplitAtCommasAndDropEmptyEntries(String reports, int expected) {
    assertThat(DetectSettings.globs(reports)).hasSize(expected).allMatch(g -> g.equals(g.trim()));
  }

  @Test
  void globsOfNullAreEmpty() {
    assertThat(DetectSettings.globs(null)).isEmpty();
  }
}
