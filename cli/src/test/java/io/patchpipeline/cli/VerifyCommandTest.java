package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
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

  @Test
  void remainingCveFailsByDefault() {
    CommandTester run =
        CommandTester.run(
            "verify",
            "--record",
            record,
            "--rescan",
            dir.resolve("scans-after/grype-shop-api.json").toString());
    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.out).contains("outcome FAILED");
  }

  @Test
  void nothingToVerifyIsInputError() {
    CommandTester run = CommandTester.run("verify", "--record", record);
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("give installed-version files, re-scan reports or both");
  }

  @Test
  void badInstalledValueIsInputError() {
    CommandTester run = CommandTester.run("verify", "--record", record, "--installed", "dpkg:host");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("invalid value 'dpkg:host'; expected FORMAT:HOST:FILE");
  }
}
