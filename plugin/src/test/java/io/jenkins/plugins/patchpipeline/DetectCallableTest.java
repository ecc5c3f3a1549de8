package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.report.ReportReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCallableTest {
  @TempDir Path workspace;

  private final TestListener listener = new TestListener();

  @Test
  void readsReportsAndReturnsRecordAndSummary() throws IOException {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);

    DetectOutcome outcome = invoke("scans/*.txt", PipeReportParser.reader());

    assertThat(outcome.isFailed()).isFalse();
    PatchRecord record = RecordStore.read(new ByteArrayInputStream(outcome.record()), "record");
    assertThat(record.findings()).hasSize(3);
    assertThat(outcome.summary())
        .containsEntry("reports", 1)
        .containsEntry("findings", 3)
        .containsEntry("units", record.units().size());
    assertThat(outcome.messages()).anyMatch(line -> line.startsWith("Read 1 report, 3 findings"));
  }

  @Test
  void writesTheRecordIntoTheWorkspaceForArchiving() throws IOException {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);

    DetectOutcome outcome = invoke("scans/images.txt", PipeReportParser.reader());

    Path written = workspace.resolve(DetectSettings.RECORD_PATH);
    assertThat(written).isRegularFile();
    assertThat(RecordStore.read(written).runId())
        .isEqualTo(RecordStore.read(new ByteArrayInputStream(outcome.record()), "record").runId());
  }

  @Test
  void malformedReportFailsWithTheFileName() throws IOException {
    Reports.write(workspace, "scans/broken.txt", "#pipe-report\nCVE-2024-0001|openssl\n");

    DetectOutcome outcome = invoke("scans/broken.txt", PipeReportParser.reader());

    assertThat(outcome.isFailed()).isTrue();
    assertThat(outcome.problem()).contains("scans/broken.txt").contains("line 2");
    assertThat(outcome.record()).isEmpty();
    assertThat(workspace.resolve(DetectSettings.RECORD_PATH)).doesNotExist();
  }

  @Test
  void unknownFormatFailsNamingTheFile() throws IOException {
    Reports.write(workspace, "scans/notes.json", "{\"not\": \"a scanner report\"}");

    DetectOutcome outcome = invoke("scans/notes.json", null);

    assertThat(outcome.isFailed()).isTrue();
    assertThat(outcome.problem()).contains("scans/notes.json");
  }

  @Test
  void globWithoutMatchFailsWithThePattern() throws IOException {
    DetectOutcome outcome = invoke("scans/**/*.json", null);

    assertThat(outcome.isFailed()).isTrue();
    assertThat(outcome.problem()).contains("scans/**/*.json").contains("no report file matches");
  }

  @Test
  void emptyReportListFails() throws IOException {
    DetectOutcome outcome = invoke(" , ", null);

    assertThat(outcome.isFailed()).isTrue();
    assertThat(outcome.problem()).contains("no report given");
  }

  @Test
  void invalidPriorityFailsWithTheValue() throws IOException {
    Reports.write(workspace, "a.txt", Reports.TWO_IMAGES);
    DetectSettings settings =
        new DetectSettings("a.txt", null, null, null, null, null, false, "P7");

    DetectOutcome outcome =
        new DetectCallable(settings, listener, PipeReportParser.reader())
            .invoke(workspace.toFile(), null);

    assertThat(outcome.problem()).contains("'P7'");
  }

  @Test
  void summaryHoldsOnlyPlainTypes() throws IOException {
    Reports.write(workspace, "a.txt", Reports.TWO_IMAGES);

    DetectOutcome outcome = invoke("a.txt", PipeReportParser.reader());

    assertPlain(outcome.summary());
  }

  @Test
  void nothingIsWrittenOutsideTheRecordFolder() throws IOException {
    Reports.write(workspace, "a.txt", Reports.TWO_IMAGES);

    invoke("a.txt", PipeReportParser.reader());

    try (var files = Files.list(workspace)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("a.txt", "patch-pipeline");
    }
  }

  private DetectOutcome invoke(String reports, ReportReader reader) throws IOException {
    DetectSettings settings =
        new DetectSettings(reports, null, null, null, null, null, false, null);
    return new DetectCallable(settings, listener, reader).invoke(workspace.toFile(), null);
  }

  /** Fails on any value that is not a string, number, boolean, list or map of those. */
  static void assertPlain(Object value) {
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            assertThat(k).isInstanceOf(String.class);
            assertPlain(v);
          });
    } else if (value instanceof java.util.List<?> list) {
      list.forEach(DetectCallableTest::assertPlain);
    } else {
      assertThat(value).isInstanceOfAny(String.class, Number.class, Boolean.class);
    }
  }
}
