package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectExecutionTest {
  @TempDir Path workspace;
  @TempDir Path buildDir;

  private final TestListener listener = new TestListener();
  private TestRun run;
  private TestStepContext context;

  @BeforeEach
  void setUp() throws IOException {
    run = new TestRun(buildDir);
    context =
        new TestStepContext()
            .with(Run.class, run)
            .with(TaskListener.class, listener)
            .with(FilePath.class, new FilePath(workspace.toFile()));
  }

  @Test
  void returnsTheSummaryWithTheRecordLocation() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);

    start(new PatchDetectStep("scans/*.txt"));

    assertThat(context.failure()).isNull();
    assertThat(context.result()).isInstanceOf(Map.class);
    Map<?, ?> result = (Map<?, ?>) context.result();
    assertThat(result.get("findings")).isEqualTo(3);
    assertThat(result.get("recordArtifact")).isEqualTo("patch-pipeline/record.json");
    assertThat(result.get("recordFile")).isEqualTo(BuildRecords.RECORD_FILE);
    DetectCallableTest.assertPlain(result);
  }

  @Test
  void storesAndArchivesTheRecord() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);

    start(new PatchDetectStep("scans/images.txt"));

    PatchRecord stored = BuildRecords.read(run);
    assertThat(stored.findings()).hasSize(3);
    Path artifact = buildDir.resolve("archive").resolve(DetectSettings.RECORD_PATH);
    assertThat(RecordStore.read(artifact).runId()).isEqualTo(stored.runId());
  }

  @Test
  void recordSurvivesAWipedWorkspace() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);
    start(new PatchDetectStep("scans/images.txt"));

    try (var files = Files.walk(workspace)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(f -> f.delete());
    }

    assertThat(BuildRecords.read(run).findings()).hasSize(3);
  }

  @Test
  void addsABuildActionWithTheCounts() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);

    start(new PatchDetectStep("scans/images.txt"));

    DetectAction action = run.getAction(DetectAction.class);
    assertThat(action).isNotNull();
    assertThat(action.getReports()).isEqualTo(1);
    assertThat(action.getFindings()).isEqualTo(3);
    assertThat(action.getPriorities().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(action.getUnits());
  }

  @Test
  void consoleCarriesEngineMessagesWithThePrefix() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);

    start(new PatchDetectStep("scans/images.txt"));

    assertThat(listener.text())
        .contains("Patch Pipeline: Read 1 report, 3 findings")
        .contains("Patch Pipeline: record stored with the build and archived as");
  }

  @Test
  void badReportAbortsNamingTheFile() throws Exception {
    Reports.write(workspace, "scans/broken.txt", "#pipe-report\nonly|three|fields\n");

    start(new PatchDetectStep("scans/broken.txt"));

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("scans/broken.txt")
        .hasMessageContaining("expected 6 fields");
    assertThat(BuildRecords.file(run)).doesNotExist();
    assertThat(run.getAction(DetectAction.class)).isNull();
  }

  @Test
  void crossedThresholdFailsAfterStoringTheRecord() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);
    PatchDetectStep step = new PatchDetectStep("scans/images.txt");
    step.setFailOnPriority("P3");

    start(step);

    int units = BuildRecords.read(run).units().size();
    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining(units + " remediation units at P3 or above");
    assertThat(run.getAction(DetectAction.class)).isNotNull();
  }

  @Test
  void secondCallReplacesTheAction() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);
    start(new PatchDetectStep("scans/images.txt"));
    Reports.write(workspace, "scans/one.txt", "#pipe-report\n");

    start(new PatchDetectStep("scans/one.txt"));

    assertThat(run.getAction(DetectAction.class).getFindings()).isZero();
  }

  @Test
  void countsUnitsAtOrAboveThreshold() {
    Map<String, Object> summary = Map.of("priorities", Map.of("P0", 1, "P1", 2, "P2", 4, "P3", 8));

    assertThat(DetectExecution.unitsAtOrAbove(summary, "P0")).isEqualTo(1);
    assertThat(DetectExecution.unitsAtOrAbove(summary, "P1")).isEqualTo(3);
    assertThat(DetectExecution.unitsAtOrAbove(summary, "p3")).isEqualTo(15);
  }

  private void start(PatchDetectStep step) throws Exception {
    new DetectExecution(step, context, FeedDefaults.NONE, PipeReportParser.reader()).start();
    assertThat(context.isCompleted()).isTrue();
  }
}
