package io.patchpipeline.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.record.InputFile;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.verify.Records;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeforeScansTest {
  @TempDir Path folder;
  private Path scan;
  private UnitFinding finding;
  private RemediationUnit unit;

  @BeforeEach
  void writeScan() throws IOException {
    scan = Files.writeString(folder.resolve("scan.json"), "{\"Results\": []}");
    finding =
        Records.finding("f1", "CVE-2024-0001", "openssl", "3.0.9-1", "3.0.11-1~deb12u2", "web1");
    unit = Records.unit("PP-1", "openssl", List.of(finding));
  }

  private PatchRecord record(String sha256, String path) {
    InputFile report = new InputFile("scan.json", "report", sha256, "trivy", "trivy", 1, path);
    InputFile other = new InputFile("other.json", "report", "00", "trivy", "trivy", 1, "");
    return Records.record(List.of(finding), List.of(unit), List.of(report, other));
  }

  @Test
  void storedPathWithMatchingHashIsUsed() {
    PatchRecord record = record(Hashing.sha256(scan), scan.toString());

    List<Path> scans = BeforeScans.of(record, Path.of("elsewhere/record.json"), unit);

    assertThat(scans).containsExactly(scan);
  }

  @Test
  void olderRecordFindsTheReportBesideIt() {
    PatchRecord record = record(Hashing.sha256(scan), "");

    List<Path> scans = BeforeScans.of(record, folder.resolve("record.json"), unit);

    assertThat(scans).containsExactly(folder.resolve("scan.json"));
  }

  @Test
  void changedReportIsAnErrorNamingTheFile() throws IOException {
    PatchRecord record = record(Hashing.sha256(scan), scan.toString());
    Files.writeString(scan, "{\"Results\": [\"changed\"]}");

    assertThatThrownBy(() -> BeforeScans.of(record, folder.resolve("record.json"), unit))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(scan.toString())
        .hasMessageContaining("the record stored");
  }

  @Test
  void missingReportIsAnError() throws IOException {
    PatchRecord record = record(Hashing.sha256(scan), scan.toString());
    Files.delete(scan);

    assertThatThrownBy(() -> BeforeScans.of(record, folder.resolve("record.json"), unit))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("scan.json")
        .hasMessageContaining("before-scan not found");
  }

  @Test
  void bundleHoldsTheCheckedScan() throws IOException {
    PatchRecord record = record(Hashing.sha256(scan), scan.toString());
    List<Path> scans = BeforeScans.of(record, folder.resolve("record.json"), unit);
    UnitEvidence evidence =
        new UnitEvidence(
            "PP-1",
            "run-1",
            Instant.parse("2026-03-01T00:00:00Z"),
            java.util.Map.of("id", "PP-1"),
            scans,
            List.of(),
            List.of(),
            List.of(),
            "",
            List.of(),
            List.of(),
            Optional.empty());

    Path bundle =
        new EvidenceWriter(Optional.empty(), List.of()).writeUnit(evidence, folder.resolve("ev"));

    Path copied = bundle.resolve("scans/before/01-scan.json");
    assertThat(Hashing.sha256(copied)).isEqualTo(Hashing.sha256(scan));
  }

  @Test
  void recordWithoutPathReadsAndWritesAsBefore() throws IOException {
    InputFile old =
        Json.mapper()
            .readValue(
                "{\"name\":\"a.json\",\"role\":\"report\",\"sha256\":\"ab\",\"format\":\"trivy\","
                    + "\"scanner\":\"\",\"findings\":2}",
                InputFile.class);

    assertThat(old.path()).isEmpty();
    assertThat(Json.mapper().writeValueAsString(old)).doesNotContain("path");
    assertThat(Json.mapper().writeValueAsString(record("ab", "/x/scan.json")))
        .contains("\"path\" : \"/x/scan.json\"");
  }
}
