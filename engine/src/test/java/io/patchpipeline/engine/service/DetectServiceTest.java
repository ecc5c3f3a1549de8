package io.patchpipeline.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.Complexity;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.report.ReportReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectServiceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private final DetectService service =
      new DetectService(new ReportReader(List.of(new LineReportParser())));

  @Test
  void duplicatesAcrossReportsCountOnce() throws Exception {
    write(
        "scans/a.txt",
        "CVE-2024-0001|openssl|3.0.1|3.0.2|app:1|9.8|OS",
        "CVE-2024-0002|openssl|3.0.1|3.0.5|app:1|5.0|OS");
    write("scans/b.txt", "CVE-2024-0001|openssl|3.0.1|3.0.2|app:1|7.0|OS");
    DetectResult result = service.run(options("scans/*.txt").build());
    PatchRecord record = result.record();
    assertThat(record.findings()).hasSize(2);
    assertThat(record.findings().get(0).reports()).containsExactly("scans/a.txt", "scans/b.txt");
    assertThat(record.findings().get(0).maxCvss()).contains(9.8);
    assertThat(record.units()).hasSize(1);
    RemediationUnit unit = record.units().get(0);
    assertThat(unit.fixedVersion()).isEqualTo("3.0.5");
    assertThat(unit.cves()).containsExactly("CVE-2024-0001", "CVE-2024-0002");
    assertThat(unit.priority()).isEqualTo(Priority.P2);
    assertThat(unit.dueDate()).isEqualTo(Instant.parse("2027-03-01T10:00:00Z"));
    assertThat(record.inputs()).extracting(i -> i.findings()).containsExactly(2L, 1L);
    assertThat(record.inputs().get(0).sha256()).hasSize(64);
    assertThat(result.messages().list())
        .filteredOn(m -> m.level() == Message.Level.INFO)
        .first()
        .extracting(Message::text)
        .isEqualTo(
            "Read 2 reports, 2 findings (3 before deduplication), 1 remediation unit:"
                + " 0 P0, 0 P1, 1 P2, 0 P3; 0 need a ticket");
  }

  @Test
  void unitsSplitByPackageAndKeepStableKeys() throws Exception {
    write(
        "a.txt",
        "CVE-2024-0001|openssl|3.0.1|3.0.2|app:1|9.8|OS",
        "CVE-2024-0003|zlib|1.2|none|app:1|4.0|OS");
    PatchRecord first = service.run(options("a.txt").build()).record();
    write(
        "a.txt",
        "CVE-2024-0001|openssl|3.0.1|3.0.2|app:1|9.8|OS",
        "CVE-2024-0009|openssl|3.0.1|3.0.2|app:1|4.0|OS");
    PatchRecord second = service.run(options("a.txt").build()).record();
    RemediationUnit openssl1 = unit(first, "openssl");
    RemediationUnit openssl2 = unit(second, "openssl");
    assertThat(openssl1.key()).isEqualTo(openssl2.key());
    assertThat(openssl1.id()).isEqualTo(openssl2.id());
    RemediationUnit zlib = unit(first, "zlib");
    assertThat(zlib.hasFix()).isFalse();
    assertThat(zlib.complexity()).isEqualTo(Complexity.HIGH);
    assertThat(zlib.complexityReasons()).anyMatch(r -> r.contains("no fixed version"));
  }

  @Test
  void writesRecordThatReadsBack() throws Exception {
    write("a.txt", "CVE-2024-0001|linux-image-amd64|6.1.0|6.1.5|host-1|7.5|KERNEL");
    service.run(options("a.txt").recordOut(Path.of("out/record.json")).build());
    PatchRecord read = RecordStore.read(dir.resolve("out/record.json"));
    assertThat(read.units()).hasSize(1);
    assertThat(read.units().get(0).complexity()).isEqualTo(Complexity.HIGH);
    assertThat(read.findings().get(0).fixedVersions()).contains(List.of("6.1.5"));
    assertThat(read.unknownAssets()).containsExactly("host-1");
    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("record.json");
    }
  }

  @Test
  void badReportFailsRunAndWritesNothing() throws Exception {
    write("good.txt", "CVE-2024-0001|openssl|3.0.1|3.0.2|app:1|9.8|OS");
    Files.writeString(dir.resolve("bad.txt"), "#test-lines\nonly|three|fields\n");
    DetectOptions options =
        options("good.txt", "bad.txt").recordOut(Path.of("record.json")).build();
    assertThatThrownBy(() -> service.run(options))
        .isInstanceOf(InputException.class)
        .hasMessage("bad.txt (line 2): expected 7 fields");
    assertThat(dir.resolve("record.json")).doesNotExist();
  }

  @Test
  void missingReportsAreNamed() {
    assertThatThrownBy(() -> service.run(options("missing.txt").build()))
        .isInstanceOf(InputException.class)
        .hasMessage("missing.txt: report file not found");
    assertThatThrownBy(() -> service.run(options("scans/**/*.json").build()))
        .isInstanceOf(InputException.class)
        .hasMessage("scans/**/*.json: no report file matches this pattern");
    assertThatThrownBy(() -> service.run(options().build()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no report given");
  }

  @Test
  void recordPathMustNotBeReportOrSpecialFile() throws Exception {
    write("a.txt", "CVE-2024-0001|openssl|3.0.1|3.0.2|app:1|9.8|OS");
    Files.createDirectories(dir.resolve("folder"));
    assertThatThrownBy(() -> service.run(options("a.txt").recordOut(Path.of("a.txt")).build()))
        .isInstanceOf(InputException.class)
        .hasMessage("a.txt: is one of the reports being read; choose another path for the record");
    assertThatThrownBy(() -> service.run(options("a.txt").recordOut(Path.of("folder")).build()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("folder: exists and is not a regular file");
    assertThat(Files.readString(dir.resolve("a.txt"))).startsWith("#test-lines");
  }

  @Test
  void recordWriteFailureNamesRecordPath() throws Exception {
    write("a.txt", "CVE-2024-0001|openssl|3.0.1|3.0.2|app:1|9.8|OS");
    DetectOptions options = options("a.txt").recordOut(Path.of("a.txt/record.json")).build();
    assertThatThrownBy(() -> service.run(options))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("record.json: cannot write the record");
  }

  @Test
  void invalidGlobAndFolderAreUserErrors() throws Exception {
    Files.createDirectories(dir.resolve("scans"));
    assertThatThrownBy(() -> service.run(options("[a-").build()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("[a-: invalid glob:");
    assertThatThrownBy(() -> service.run(options("scans").build()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("scans: is a folder");
  }

  @Test
  void unknownFormatIsRejected() throws Exception {
    Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");
    assertThatThrownBy(() -> service.run(options("x.json").build()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("x.json (line 1): unknown report format");
  }

  @Test
  void missingFeedsAreWarnedAsUnknown() throws Exception {
    write("a.txt", "CVE-2024-0001|openssl|3.0.1|3.0.2|app:1|9.8|OS");
    List<Message> messages = service.run(options("a.txt").build()).messages().list();
    assertThat(messages)
        .filteredOn(m -> m.level() == Message.Level.WARNING)
        .extracting(Message::text)
        .contains(
            "No EPSS data given: every EPSS value is unknown and no rule on it holds",
            "No KEV catalog given: every KEV status is unknown and no rule on it holds");
  }

  @Test
  void failOnThresholdCompares() throws Exception {
    write("a.txt", "CVE-2024-0001|openssl|3.0.1|3.0.2|app:1|9.8|OS");
    assertThat(service.run(options("a.txt").failOn(Priority.P2).build()).thresholdCrossed())
        .isTrue();
    assertThat(service.run(options("a.txt").failOn(Priority.P1).build()).thresholdCrossed())
        .isFalse();
    assertThat(service.run(options("a.txt").build()).thresholdCrossed()).isFalse();
  }

  @Test
  void summaryMapHoldsOnlyPlainValues() throws Exception {
    write("a.txt", "CVE-2024-0001|openssl|3.0.1|3.0.2|app:1|9.8|OS");
    Map<String, Object> map = service.run(options("a.txt").build()).summary().toMap();
    assertThat(map).containsEntry("findings", 1).containsEntry("units", 1);
    assertThat(map.get("priorities")).isEqualTo(Map.of("P0", 0, "P1", 0, "P2", 1, "P3", 0));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> units = (List<Map<String, Object>>) map.get("unitList");
    assertThat(units.get(0)).containsEntry("priority", "P2").containsEntry("package", "openssl");
    assertThat(units.get(0).get("dueDate")).isEqualTo("2027-03-01T10:00:00Z");
  }

  @Test
  void presetPolicyByName() throws Exception {
    write("a.txt", "CVE-2024-0001|openssl|3.0.1|3.0.2|app:1|9.8|OS");
    PatchRecord record = service.run(options("a.txt").policy("bod-22-01").build()).record();
    assertThat(record.policy().format()).isEqualTo("bod-22-01 (preset bod-22-01)");
    assertThat(record.policy().name()).isEqualTo("bod-22-01");
  }

  @Test
  void progressReportsEachFile() throws Exception {
    write("a.txt", "CVE-2024-0001|openssl|3.0.1|3.0.2|app:1|9.8|OS");
    List<String> seen = new java.util.ArrayList<>();
    service.run(options("a.txt").build(), (file, n) -> seen.add(file + ":" + n));
    assertThat(seen).containsExactly("a.txt:0");
  }

  private DetectOptions.Builder options(String... reports) {
    return DetectOptions.builder(dir).reports(List.of(reports)).clock(CLOCK);
  }

  private void write(String name, String... lines) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#test-lines\n" + String.join("\n", lines) + "\n");
  }

  private static RemediationUnit unit(PatchRecord record, String pkg) {
    return record.units().stream()
        .filter(u -> u.packageName().equals(pkg))
        .findFirst()
        .orElseThrow();
  }
}
