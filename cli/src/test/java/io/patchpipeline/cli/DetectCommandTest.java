package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code detect} on the bundled example, copied out as the demo does. */
class DetectCommandTest {
  @TempDir Path dir;

  @BeforeEach
  void copyExample() throws Exception {
    DemoCommand.extract(dir);
  }

  @Test
  void printsUnitsAndWritesRecord() throws Exception {
    CommandTester run = detect("--out", "record.json");
    assertThat(run.exitCode).isZero();
    assertThat(run.out)
        .contains("Read 3 reports, 12 findings, 8 remediation units: 2 P0, 2 P1, 4 P2, 0 P3");
    assertThat(run.out).contains("log4j-core -> 2.17.1").contains("[KEV]");
    assertThat(run.out).contains("Threat data: KEV catalog 2026.11.28, EPSS model v2025.03.14");
    PatchRecord record = RecordStore.read(dir.resolve("record.json"));
    assertThat(record.units()).hasSize(8);
    assertThat(record.inputs())
        .extracting(i -> i.role())
        .contains("report", "kev", "epss", "inventory");
    assertThat(record.unknownAssets()).isEmpty();
  }

  @Test
  void jsonFormatPrintsSummaryMap() throws Exception {
    CommandTester run = detect("--format", "json");
    assertThat(run.exitCode).isZero();
    JsonNode summary = Json.mapper().readTree(run.out);
    assertThat(summary.get("units").asInt()).isEqualTo(8);
    assertThat(summary.get("priorities").get("P0").asInt()).isEqualTo(2);
    assertThat(summary.get("kevCves")).hasSize(3);
    assertThat(summary.get("unitList").get(0).get("priority").asText()).isEqualTo("P0");
  }

  @Test
  void failOnExitsWithOne() {
    CommandTester run = detect("--fail-on", "P1");
    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("units at or above P1 exist");
  }

  @Test
  void badReportExitsWithTwoAndNamesIt() throws Exception {
    Files.writeString(dir.resolve("scans/broken.json"), "{\"SchemaVersion\": 2, \"Results\": [");
    CommandTester run = detect("--out", "record.json");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("\npatch-pipeline: error: scans/broken.json (line 1, column 34)");
    assertThat(run.err).doesNotContain("at io.patchpipeline");
    assertThat(dir.resolve("record.json")).doesNotExist();
  }

  @Test
  void invalidPriorityIsRejected() {
    CommandTester run = detect("--fail-on", "P9");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("invalid priority 'P9'; expected P0, P1, P2 or P3");
  }

  @Test
  void invalidFormatIsRejected() {
    CommandTester run = detect("--format", "xml");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("expected text or json");
  }

  private CommandTester detect(String... extra) {
    String[] base = {
      "detect", "scans/*", "--base-dir", dir.toString(),
      "--kev", "feeds/known_exploited_vulnerabilities.json", "--epss", "feeds/epss_scores.csv",
      "--inventory", "inventory.yaml", "--policy", "patch-policy.yaml"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CommandTester.run(args);
  }
}
