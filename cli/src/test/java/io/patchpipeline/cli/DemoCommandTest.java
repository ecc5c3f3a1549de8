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
    assertThat(run.out)
        .contains("Triage on tickets in local: 3 comments written, 0 already written");
    assertThat(run.out).contains("1 post-incident review opened, 0 found from an earlier run");
    assertThat(java.nio.file.Files.readString(dir.resolve("demo/tickets/PP-4.json")))
        .contains("pp.review-")
        .contains("Approved by: carol")
        .contains("Log4Shell is exploited")
        .contains("The unit's ticket is PP-1");
    assertThat(java.nio.file.Files.readString(dir.resolve("demo/tickets/PP-1.json")))
        .contains("Post-incident review opened: PP-4.");
    assertThat(java.nio.file.Files.readString(dir.resolve("demo/tickets/PP-3.json")))
        .contains("Triage: NEEDS_APPROVAL by rule no-rule-matched");
    assertThat(run.out).contains("== 3 Triage").contains("Approved PP-97cb862820 by alice");
    assertThat(run.out).contains("== 4 Test and deploy").contains("dry run: 2 waves with ansible");
    assertThat(run.out).contains("== 5 Verify").contains("Verified 2 of 8 remediation units");
    assertThat(run.out).contains("--reason 'Tested on staging; change CHG-1042 approved'");
    assertThat(dir.resolve("demo/tickets")).isDirectory();
    assertThat(run.out).contains("Closed PP-1 for PP-97cb862820");
    assertThat(run.out).contains("Evidence for PP-97cb862820 in");
    assertThat(run.out).contains("Report of 8 units written to");
    assertThat(run.out)
        .containsPattern("(?s)Record written to .*\nLedger jdbc:h2:file:.*: 16 new events");
    assertThat(run.out).contains("webhook    sent unit.verified");
    java.util.List<String> notifications =
        java.nio.file.Files.readAllLines(dir.resolve("demo/notifications.jsonl"));
    assertThat(notifications).filteredOn(line -> line.contains("unit.verified")).hasSize(2);
    assertThat(notifications)
        .filteredOn(line -> line.startsWith("{\"method\":\"GET\""))
        .isNotEmpty()
        .allMatch(line -> line.contains("/api/v2/findings/?"));
    String html = java.nio.file.Files.readString(dir.resolve("demo/report.html"));
    assertThat(html).contains("<svg").doesNotContain("http://").doesNotContain("https://");
    PatchRecord record = RecordStore.read(dir.resolve("demo/record.json"));
    assertThat(record.stage("verify").orElseThrow().path("units")).hasSize(8);
    assertThat(dir.resolve("demo/record.json")).exists();
    assertThat(dir.resolve("demo/scans/trivy-shop-web.json")).exists();
  }
}
