package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.patchpipeline.engine.record.PatchRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First-seen times of findings carry over from the record of an earlier build of the job. */
class PreviousRecordTest {
  @TempDir Path workspace;
  @TempDir Path builds;

  private final TestListener listener = new TestListener();

  private TestRun detect(TestRun run) throws Exception {
    TestStepContext context =
        new TestStepContext()
            .with(Run.class, run)
            .with(TaskListener.class, listener)
            .with(FilePath.class, new FilePath(workspace.toFile()));
    new DetectExecution(
            new PatchDetectStep("scans/images.txt"),
            context,
            FeedDefaults.NONE,
            PipeReportParser.reader())
        .start();
    assertThat(context.failure()).isNull();
    return run;
  }

  private TestRun build(String name) throws IOException {
    return new TestRun(Files.createDirectories(builds.resolve(name)));
  }

  private static JsonNode firstSeen(Run<?, ?> run) throws IOException {
    PatchRecord record = BuildRecords.read(run);
    return record.stage("detect").orElseThrow().path("firstSeen");
  }

  @Test
  void scheduledRunKeepsFirstSeenTimes() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);
    TestRun first = detect(build("1"));
    Thread.sleep(20);

    TestRun second = detect(build("2").after(first));

    assertThat(firstSeen(second)).isNotEmpty().isEqualTo(firstSeen(first));
    assertThat(BuildRecords.read(second).createdAt()).isAfter(BuildRecords.read(first).createdAt());
    assertThat(listener.text())
        .contains("First-seen times carry over from the record of build #1.");
  }

  @Test
  void firstBuildStartsTheClocks() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);

    TestRun first = detect(build("1"));

    assertThat(firstSeen(first)).isNotEmpty();
    assertThat(listener.text()).doesNotContain("carry over");
    assertThat(workspace.resolve(DetectSettings.PREVIOUS_RECORD_PATH)).doesNotExist();
  }

  @Test
  void buildWithoutRecordIsSkipped() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);
    TestRun first = detect(build("1"));
    TestRun failedEarly = build("2").after(first);

    TestRun third = detect(build("3").after(failedEarly));

    assertThat(firstSeen(third)).isEqualTo(firstSeen(first));
    assertThat(listener.text()).contains("record of build #1");
  }

  @Test
  void unreadableRecordIsSkippedWithAWarning() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);
    TestRun first = detect(build("1"));
    TestRun broken = build("2").after(first);
    Files.createDirectories(BuildRecords.file(broken).getParent());
    Files.writeString(BuildRecords.file(broken), "{\"truncated\":", StandardCharsets.UTF_8);

    TestRun third = detect(build("3").after(broken));

    assertThat(firstSeen(third)).isEqualTo(firstSeen(first));
    assertThat(listener.text())
        .contains("The record of build #2 cannot be read, so it is skipped for first-seen times");
  }

  @Test
  void searchStopsAfterTheLimit() throws Exception {
    Reports.write(workspace, "scans/images.txt", Reports.TWO_IMAGES);
    TestRun previous = detect(build("0"));
    for (int i = 1; i <= PreviousRecord.MAX_BUILDS; i++) {
      previous = build("empty-" + i).after(previous);
    }

    assertThat(PreviousRecord.of(build("last").after(previous)).json()).isNull();
    assertThat(PreviousRecord.of(previous).json()).isNotNull();
  }
}
