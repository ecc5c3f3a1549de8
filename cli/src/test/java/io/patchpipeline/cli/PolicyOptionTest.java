package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detect and triage read --policy the same way: preset names, checked rules, CEL macros. */
class PolicyOptionTest {
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
  void triageAcceptsPresetName() {
    CommandTester run =
        CommandTester.run("triage", "--record", record, "--policy", "bod-22-01", "--dry-run");

    assertThat(run.exitCode).as(run.err).isZero();
    assertThat(run.err).doesNotContain("policy file not found");
  }

  @Test
  void detectRejectsBadTriageRule() throws Exception {
    Path policy =
        Files.writeString(
            dir.resolve("policy.yaml"),
            "triage:\n  rules:\n    - id: typo\n      when: \"asset.enviroment == 'dev'\"\n"
                + "      outcome: auto-approve\n");

    CommandTester run =
        CommandTester.run(
            "detect",
            "scans/*",
            "--base-dir",
            dir.toString(),
            "--policy",
            policy.toString(),
            "--out",
            dir.resolve("other.json").toString());

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains(policy.toString()).contains("invalid CEL expression");
    assertThat(dir.resolve("other.json")).doesNotExist();
  }

  @Test
  void celMacrosAreAvailable() throws Exception {
    Path policy =
        Files.writeString(
            dir.resolve("policy.yaml"),
            "triage:\n  rules:\n    - id: macros\n"
                + "      when: \"[1, 2].all(x, x > 0) && [3].exists(x, x == 3)"
                + " && [1].map(x, x * 2).filter(x, x > 1).size() == 1\"\n"
                + "      outcome: auto-approve\n");

    CommandTester run =
        CommandTester.run("triage", "--record", record, "--policy", policy.toString(), "--dry-run");

    assertThat(run.exitCode).as(run.err).isZero();
    assertThat(run.out).contains("macros");
  }
}
