package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command that writes a file rejects a target that is not a file, or is its own input. */
class OutputTargetTest {
  @TempDir Path dir;

  private String record;
  private Path fifo;

  @BeforeEach
  void detectExample() throws Exception {
    DemoCommand.extract(dir);
    record = dir.resolve("record.json").toString();
    CommandTester detect =
        CommandTester.run("detect", "scans/*", "--base-dir", dir.toString(), "--out", record);
    assertThat(detect.exitCode).as(detect.err).isZero();
    fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"report", "triage", "approve", "detect", "deploy"})
  void fifoTargetIsRejected(String command) {
    CommandTester run = CommandTester.run(args(command, fifo.toString()));

    assertThat(run.exitCode).as(run.out + run.err).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains(fifo + ": exists and is not a regular file");
    assertThat(run.err).containsAnyOf("--out", "--state");
    assertThat(Files.isRegularFile(fifo)).isFalse();
  }

  @Test
  void reportOverItsRecordIsRejected() throws Exception {
    String before = Files.readString(Path.of(record));

    CommandTester run = CommandTester.run(args("report", record));

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains("--out: " + record + ": is the file of --record");
    assertThat(Files.readString(Path.of(record))).isEqualTo(before);
  }

  @Test
  void reportIntoFolderShowsNoTemporaryPath() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("folder"));

    CommandTester run = CommandTester.run(args("report", folder.toString()));

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains("--out: " + folder + ": exists and is not a regular file");
    assertThat(run.err).doesNotContain(".tmp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--inventory", "--policy", "--epss", "--kev"})
  void detectOverItsInputIsRejected(String option) throws Exception {
    Path input = dir.resolve(option.substring(2) + ".input");
    Files.copy(dir.resolve(inputOf(option)), input);
    String before = Files.readString(input);

    CommandTester run =
        CommandTester.run(
            "detect",
            "scans/*",
            "--base-dir",
            dir.toString(),
            option,
            input.toString(),
            "--out",
            input.toString());

    assertThat(run.exitCode).as(run.err).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains("is the file of " + option);
    assertThat(Files.readString(input)).isEqualTo(before);
  }

  @Test
  void triageOverItsInventoryIsRejected() throws Exception {
    Path inventory = dir.resolve("inventory.yaml");
    String before = Files.readString(inventory);

    CommandTester run =
        CommandTester.run(
            "triage",
            "--record",
            record,
            "--inventory",
            inventory.toString(),
            "--out",
            inventory.toString());

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains("--out: " + inventory + ": is the file of --inventory");
    assertThat(Files.readString(inventory)).isEqualTo(before);
  }

  private static String inputOf(String option) {
    return switch (option) {
      case "--inventory" -> "inventory.yaml";
      case "--policy" -> "patch-policy.yaml";
      case "--epss" -> "feeds/epss_scores.csv";
      default -> "feeds/known_exploited_vulnerabilities.json";
    };
  }

  private String[] args(String command, String target) {
    List<String> args = new ArrayList<>();
    switch (command) {
      case "report" ->
          args.addAll(
              List.of(
                  "report",
                  "--record",
                  record,
                  "--ledger",
                  dir.resolve("ledger").toString(),
                  "--out",
                  target));
      case "triage" -> args.addAll(List.of("triage", "--record", record, "--out", target));
      case "approve" ->
          args.addAll(
              List.of(
                  "triage",
                  "approve",
                  "PP-0000000000",
                  "--record",
                  record,
                  "--approver",
                  "bob",
                  "--reason",
                  "tested",
                  "--out",
                  target));
      case "detect" ->
          args.addAll(List.of("detect", "scans/*", "--base-dir", dir.toString(), "--out", target));
      default ->
          args.addAll(
              List.of(
                  "deploy",
                  "--record",
                  record,
                  "--plan",
                  dir.resolve("deploy-plan.yaml").toString(),
                  "--dry-run",
                  "--state",
                  target));
    }
    return args.toArray(new String[0]);
  }
}
