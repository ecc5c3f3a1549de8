package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @Test
  void demoRunsOnBundledExample(@TempDir Path dir) throws Exception {
    CommandTester run = CommandTester.run("demo", "--dir", dir.resolve("demo").toString());
    assertThat(run.exitCode).as(run.err).isZero();
    assertThat(run.out).contains("== 1 Detect");
    assertThat(run.out).contains("$ patch-pipeline detect 'scans/*' --base-dir ");
    assertThat(run.out).contains("8 remediation units");
    assertThat(run.out).contains("== 2 Tickets").contains("3 created, 0 updated");
    assertThat(run.out).contains("Commented 3 triage decisions on tickets");
    assertThat(java.nio.file.Files.readString(dir.resolve("demo/tickets/PP-3.json")))
        .contains("Triage: NEEDS_APPROVAL by rule no-rule-matched");
    assertThat(run.out).contains("== 3 Triage").contains("Approved PP-97cb862820 by alice");
    assertThat(run.out).contains("== 4 Test and deploy").contains("dry run: 3 waves with ansible");
    assertThat(run.out).contains("== 5 Verify").contains("Verified 2 of 8 remediation units");
    assertThat(run.out).contains("--reason 'Tested on staging; change CHG-1042 approved'");
    assertThat(dir.resolve("demo/tickets")).isDirectory();
    assertThat(run.out).contains("Closed PP-1 for PP-97cb862820");
    assertThat(run.out).contains("Evidence for PP-97cb862820 in");
    assertThat(run.out).contains("Report of 8 units written to");
    String html = java.nio.file.Files.readString(dir.resolve("demo/report.html"));
    assertThat(html).contains("<svg").doesNotContain("http://").doesNotContain("https://");
    PatchRecord record = RecordStore.read(dir.resolve("demo/record.json"));
    assertThat(record.stage("verify").orElseThrow().path("units")).hasSize(8);
    assertThat(dir.resolve("demo/record.json")).exists();
    assertThat(dir.resolve("demo/scans/trivy-shop-web.json")).exists();
  }
}
