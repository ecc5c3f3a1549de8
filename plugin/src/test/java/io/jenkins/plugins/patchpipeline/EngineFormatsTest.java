package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code patchDetect} with every engine format on a workspace holding a small Trivy report, a
 * KEV catalog, EPSS scores and an inventory, as a Jenkinsfile would on an agent.
 */
class EngineFormatsTest {
  private static final List<String> FILES =
      List.of(
          "scans/trivy-web.json",
          "scans/truncated.json",
          "feeds/kev.json",
          "feeds/epss.csv",
          "assets.yaml");

  @TempDir Path workspace;
  @TempDir Path buildDir;

  private final TestListener listener = new TestListener();
  private TestRun run;
  private TestStepContext context;

  @BeforeEach
  void copyWorkspace() throws IOException {
    for (String file : FILES) {
      Path target = workspace.resolve(file);
      Files.createDirectories(target.getParent());
      try (InputStream in = getClass().getResourceAsStream("/workspace/" + file)) {
        Files.copy(in, target);
      }
    }
    run = new TestRun(buildDir);
    context =
        new TestStepContext()
            .with(Run.class, run)
            .with(TaskListener.class, listener)
            .with(FilePath.class, new FilePath(workspace.toFile()));
  }

  @Test
  void enrichesTrivyFindingsWithKevEpssAndInventory() throws Exception {
    PatchDetectStep step = new PatchDetectStep("scans/trivy-*.json");
    step.setKev("feeds/kev.json");
    step.setEpss("feeds/epss.csv");
    step.setInventory("assets.yaml");

    new DetectExecution(step, context, FeedDefaults.NONE).start();

    assertThat(context.failure()).isNull();
    Map<?, ?> result = (Map<?, ?>) context.result();
    assertThat(result.get("findings")).isEqualTo(2);
    assertThat(result.get("kevCves")).isEqualTo(List.of("CVE-2021-44228"));
    assertThat(result.get("unknownAssets")).isEqualTo(List.of());
    assertThat(result.get("kevCveCount")).isEqualTo(1);
    assertThat(result.get("unknownAssetCount")).isEqualTo(0);
    assertThat(listener.text()).contains("Patch Pipeline: Read 1 report, 2 findings");
    assertThat(BuildRecords.read(run).intel().kevCatalogVersion()).isEqualTo("2026.11.28");
  }

  @Test
  void globalDefaultsSupplyFeedsAndInventory() throws Exception {
    FeedDefaults defaults =
        new FeedDefaults("feeds/kev.json", "feeds/epss.csv", null, false, null, "assets.yaml");

    new DetectExecution(new PatchDetectStep("scans/trivy-web.json"), context, defaults).start();

    Map<?, ?> result = (Map<?, ?>) context.result();
    assertThat(result.get("kevCves")).isEqualTo(List.of("CVE-2021-44228"));
    assertThat(result.get("unknownAssets")).isEqualTo(List.of());
  }

  @Test
  void truncatedReportAbortsWithFileAndPosition() throws Exception {
    new DetectExecution(new PatchDetectStep("scans/*.json"), context, FeedDefaults.NONE).start();

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("scans/truncated.json")
        .hasMessageContaining("line");
    assertThat(BuildRecords.file(run)).doesNotExist();
  }

  @Test
  void missingFeedAbortsNamingIt() throws Exception {
    PatchDetectStep step = new PatchDetectStep("scans/trivy-web.json");
    step.setKev("feeds/missing-kev.json");

    new DetectExecution(step, context, FeedDefaults.NONE).start();

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("missing-kev.json");
  }
}
