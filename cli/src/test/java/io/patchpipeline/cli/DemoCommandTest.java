package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @Test
  void demoRunsOnBundledExample(@TempDir Path dir) {
    CommandTester run = CommandTester.run("demo", "--dir", dir.resolve("demo").toString());
    assertThat(run.exitCode).as(run.err).isZero();
    assertThat(run.out).contains("== 1 Detect");
    assertThat(run.out).contains("8 remediation units");
    assertThat(dir.resolve("demo/record.json")).exists();
    assertThat(dir.resolve("demo/scans/trivy-shop-web.json")).exists();
  }
}
