package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report arguments: globs with .., file names with glob characters, control characters. */
class ReportPathsTest {
  @TempDir Path dir;

  private Path work;

  @BeforeEach
  void extractExample() throws Exception {
    DemoCommand.extract(dir);
    work = Files.createDirectory(dir.resolve("work"));
  }

  private CommandTester detect(String report) {
    return CommandTester.run("detect", report, "--base-dir", work.toString());
  }

  @Test
  void globWithParentFolderMatches() {
    CommandTester run = detect("../scans/*.json");

    assertThat(run.exitCode).as(run.err).isZero();
    assertThat(run.out).contains("Read 2 reports");
  }

  @Test
  void fileNamedLikeGlobIsRead() throws Exception {
    Files.copy(dir.resolve("scans/trivy-shop-web.json"), work.resolve("scan[1].json"));
    Files.copy(dir.resolve("scans/trivy-shop-web.json"), work.resolve("scan{a}.json"));

    assertThat(detect("scan[1].json").exitCode).isZero();
    assertThat(detect("scan{a}.json").exitCode).isZero();
  }

  @Test
  void feedErrorsShowPathAsGiven() throws Exception {
    Files.writeString(work.resolve("kev.json"), "{\"vulnerabilities\": [");
    Files.writeString(work.resolve("inventory.yaml"), "assets:\n\t- id: a\n");

    CommandTester kev =
        CommandTester.run(
            "detect", "../scans/*.json", "--base-dir", work.toString(), "--kev", "kev.json");
    CommandTester inventory =
        CommandTester.run(
            "detect",
            "../scans/*.json",
            "--base-dir",
            work.toString(),
            "--inventory",
            "inventory.yaml");

    assertThat(kev.err).startsWith("patch-pipeline: error: kev.json (");
    assertThat(inventory.err).startsWith("patch-pipeline: error: inventory.yaml (");
  }

  @Test
  void fifoIsNotAReportFile() throws Exception {
    Path fifo = work.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    CommandTester run = detect("fifo");

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains("fifo: is not a regular file");
  }

  @Test
  void controlCharactersInErrorsAreEscaped() {
    CommandTester run = detect("bad\n\u001b[31m\u202e.json");

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains("bad\\u000a\\u001b[31m\\u202e.json");
    assertThat(run.err).doesNotContain("\u001b").doesNotContain("\u202e");
    assertThat(run.err.lines()).hasSize(1);
  }
}
