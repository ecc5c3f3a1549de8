package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing or wrong file names the option and the path, and states what was expected. */
class FileOptionErrorsTest {
  @TempDir Path dir;

  private String record;

  @BeforeEach
  void detectExample() throws Exception {
    DemoCommand.extract(dir);
    record = dir.resolve("record.json").toString();
    CommandTester detect =
        CommandTester.run("detect", "scans/*", "--base-dir", dir.toString(), "--out", record);
    assertThat(detect.exitCode).as(detect.err).isZero();
  }

  private static void assertInputError(CommandTester run, String expected) {
    assertThat(run.exitCode).as(run.err).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains(expected);
    assertThat(run.err).doesNotContain("internal error").doesNotContain("\tat ");
  }

  @Test
  void recordFolderIsNamed() {
    String scans = dir.resolve("scans").toString();

    assertInputError(
        CommandTester.run("triage", "--record", scans),
        "--record: " + scans + ": is a folder, expected a file");
  }

  @Test
  void missingAgainstFileIsNamed() {
    String nope = dir.resolve("nope.json").toString();

    assertInputError(
        CommandTester.run("triage", "--record", record, "--against", nope),
        "--against: " + nope + ": file not found");
  }

  @Test
  void missingInstalledFileShowsExpectedForm() {
    assertInputError(
        CommandTester.run("verify", "--record", record, "--installed", "dpkg:a:b:d3.txt"),
        "--installed: dpkg:a:b:d3.txt: file 'b:d3.txt' not found; expected FORMAT:HOST:FILE");
  }

  @Test
  void installedFolderIsNamed() {
    String scans = dir.resolve("scans").toString();

    assertInputError(
        CommandTester.run("verify", "--record", record, "--installed", "dpkg:h:" + scans),
        "--installed: " + scans + ": is a folder, expected a file");
  }

  @Test
  void missingAdvisoryIsNamed() {
    assertInputError(
        CommandTester.run("verify", "--record", record, "--advisory", "nonexist.json"),
        "--advisory: nonexist.json: file not found");
  }

  @Test
  void missingSigningKeyIsNamed() {
    assertInputError(
        CommandTester.run("evidence", "verify", dir.toString(), "--signing-key-file", "nokey"),
        "--signing-key-file: nokey: file not found");
  }

  @Test
  void missingBundleIsNamed() {
    String missing = dir.resolve("nonexistent").toString();

    assertInputError(
        CommandTester.run("evidence", "verify", missing), missing + ": file or folder not found");
  }

  @Test
  void recordWithoutFieldsNamesThem() throws Exception {
    Path minimal = Files.writeString(dir.resolve("recmin.json"), "{\"schemaVersion\":1}");

    CommandTester run = CommandTester.run("triage", "--record", minimal.toString());

    assertInputError(run, "invalid record: missing required field");
    assertThat(run.err).doesNotContain("io.patchpipeline").doesNotContain("Cannot invoke");
  }
}
