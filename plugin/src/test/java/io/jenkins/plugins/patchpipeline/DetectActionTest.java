package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectActionTest {
  @TempDir Path workspace;
  @TempDir Path buildDir;

  @Test
  void takesCountsFromTheSummaryMap() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("reports", 3);
    summary.put("findings", 1204);
    summary.put("units", 37);
    summary.put("ticketsNeeded", 7);
    summary.put("kevCveCount", 2);
    summary.put("unknownAssetCount", 1);
    summary.put("priorities", Map.of("P0", 2, "P1", 5, "P2", 20, "P3", 10));

    DetectAction action = DetectAction.of(summary);

    assertThat(action.getReports()).isEqualTo(3);
    assertThat(action.getFindings()).isEqualTo(1204);
    assertThat(action.getUnits()).isEqualTo(37);
    assertThat(action.getTicketsNeeded()).isEqualTo(7);
    assertThat(action.getKevCves()).isEqualTo(2);
    assertThat(action.getUnknownAssets()).isEqualTo(1);
    assertThat(action.getPriorities())
        .containsExactly(
            Map.entry("P0", 2), Map.entry("P1", 5), Map.entry("P2", 20), Map.entry("P3", 10));
  }

  @Test
  void missingSummaryEntriesCountAsZero() {
    DetectAction action = DetectAction.of(Map.of());

    assertThat(action.getFindings()).isZero();
    assertThat(action.getKevCves()).isZero();
    assertThat(action.getPriorities()).isEmpty();
  }

  @Test
  void linksToItsReportPage() {
    DetectAction action = DetectAction.of(Map.of());

    assertThat(action.getUrlName()).isEqualTo("patch-pipeline");
    assertThat(action.getIconFileName()).isNotBlank();
    assertThat(action.getDisplayName()).isEqualTo("Patch Pipeline");
  }

  @Test
  void rowsComeFromRecordMostUrgentFirst() throws Exception {
    TestRun run = detect();
    DetectAction action = run.getAction(DetectAction.class);
    PatchRecord record = BuildRecords.read(run);

    List<UnitRow> rows = action.getUnitRows();

    assertThat(rows).hasSize(record.units().size());
    RemediationUnit first =
        record.units().stream()
            .min(
                Comparator.comparing(RemediationUnit::priority)
                    .thenComparing(RemediationUnit::dueDate))
            .orElseThrow();
    assertThat(rows.get(0).getId()).isEqualTo(first.id());
    assertThat(rows.get(0).getPriority()).isEqualTo(first.priority().name());
    assertThat(rows).extracting(UnitRow::getPriority).isSorted();
  }

  @Test
  void rowsShowPackageVersionsCvesAndAssets() throws Exception {
    TestRun run = detect();

    List<UnitRow> rows = run.getAction(DetectAction.class).getUnitRows();

    UnitRow zlib =
        rows.stream().filter(r -> r.getPackageName().equals("zlib")).findFirst().orElseThrow();
    assertThat(zlib.getFixedVersion()).isEqualTo("1.2.13");
    assertThat(zlib.getCves()).isEqualTo("CVE-2024-0002");
    assertThat(zlib.getAssets()).contains("registry.example/web:1.0");
    assertThat(zlib.getDueDate()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
  }

  @Test
  void missingRecordIsAnInputError() throws Exception {
    DetectAction action = DetectAction.of(Map.of());
    action.onLoad(new TestRun(buildDir));

    assertThatThrownBy(action::getUnitRows)
        .isInstanceOf(InputException.class)
        .hasMessageContaining("record.json");
  }

  @Test
  void longListsAreShortenedWithACount() {
    List<String> cves = new java.util.ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      cves.add("CVE-2024-" + (1000 + i));
    }

    assertThat(UnitRow.shortList(cves)).endsWith("CVE-2024-1010 (+2)");
    assertThat(UnitRow.shortList(cves.subList(0, 2))).isEqualTo("CVE-2024-1001, CVE-2024-1002");
  }

  private TestRun detect() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);
    TestRun run = new TestRun(buildDir);
    TestStepContext context =
        new TestStepContext()
            .with(Run.class, run)
            .with(TaskListener.class, new TestListener())
            .with(FilePath.class, new FilePath(workspace.toFile()));
    new DetectExecution(
            new PatchDetectStep("scans/images.txt"),
            context,
            FeedDefaults.NONE,
            PipeReportParser.reader())
        .start();
    run.getAction(DetectAction.class).onAttached(run);
    return run;
  }
}
