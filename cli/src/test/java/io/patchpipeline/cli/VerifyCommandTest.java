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
  void evidenceIsWrittenAndTamperingDetected() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("key.bin"), "a signing key of test");
    CommandTester run =
        CommandTester.run(
            "verify",
            "--record",
            record,
            "--rescan",
            dir.resolve("scans-after/trivy-shop-web.json").toString(),
            "--rescan",
            dir.resolve("scans-after/grype-shop-api.json").toString(),
            "--on-remaining",
            "ignore",
            "--evidence",
            dir.resolve("evidence").toString(),
            "--signing-key-file",
            dir.resolve("key.bin").toString());
    assertThat(run.exitCode).as(run.err).isZero();
    Path bundle;
    try (var found =
        java.nio.file.Files.find(
            dir.resolve("evidence"),
            3,
            (p, a) -> p.getFileName().toString().startsWith("PP-") && a.isDirectory())) {
      bundle = found.findFirst().orElseThrow();
    }
    CommandTester intact =
        CommandTester.run(
            "evidence",
            "verify",
            bundle.toString(),
            "--signing-key-file",
            dir.resolve("key.bin").toString());
    assertThat(intact.exitCode).as(intact.out).isZero();
    assertThat(intact.out).contains(": intact, signature valid");
    try (var files = java.nio.file.Files.walk(bundle)) {
      Path first =
          files
              .filter(java.nio.file.Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("manifest"))
              .filter(p -> !p.getFileName().toString().startsWith("signature"))
              .findFirst()
              .orElseThrow();
      java.nio.file.Files.writeString(first, "changed", java.nio.file.StandardOpenOption.APPEND);
    }
    CommandTester changed = CommandTester.run("evidence", "verify", bundle.toString());
    assertThat(changed.exitCode).isEqualTo(1);
    assertThat(changed.out).contains("problem:").contains(": changed");
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
