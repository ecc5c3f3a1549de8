package io.patchpipeline.engine.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.report.PackageKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A record read from a file has well-formed, unique unit ids, because ids become file names. */
class UnitIdsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/tmp/pp-zip-escape/victim",
        "../../victim2",
        "../../../../tmp/x",
        "PP-..",
        "PP-a/b",
        "PP-a\\b",
        "PP-97cb862820.zip",
        "PP-",
        "pp-97cb862820",
        "PP-97cb862820 ",
        "PP-97cb\u202e862820",
        "PP-97cb\n862820",
        ""
      })
  void readRejectsMalformedId(String id) throws Exception {
    Path file = dir.resolve("record.json");
    RecordStore.write(file, record(List.of(unit("PP-97cb862820"), unit(id))));

    assertThatThrownBy(() -> RecordStore.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("record.json")
        .hasMessageContaining("/units/1/id")
        .hasMessageContaining("invalid unit id")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("\u202e");
  }

  @Test
  void readRejectsDuplicateId() throws Exception {
    Path file = dir.resolve("record.json");
    RecordStore.write(
        file, record(List.of(unit("PP-97cb862820"), unit("PP-b32e241ed5"), unit("PP-97cb862820"))));

    assertThatThrownBy(() -> RecordStore.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("/units/2/id")
        .hasMessageContaining("duplicate unit id PP-97cb862820")
        .hasMessageContaining("/units/0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PP-97cb862820", "PP-b32e241ed5", "PP-openssl", "PP-2"})
  void readAcceptsWellFormedId(String id) throws Exception {
    Path file = dir.resolve("record.json");
    RecordStore.write(file, record(List.of(unit(id))));

    assertThat(RecordStore.read(file).units()).extracting(RemediationUnit::id).containsExactly(id);
  }

  @Test
  void generatedIdsMatchPattern() {
    assertThat(UnitIds.isValid("PP-" + "0123456789abcdef".substring(0, 10))).isTrue();
    assertThat(UnitIds.isValid(null)).isFalse();
  }

  private static PatchRecord record(List<RemediationUnit> units) {
    PatchRecord empty = RecordStoreTest.empty();
    return new PatchRecord(
        empty.schemaVersion(),
        empty.runId(),
        empty.createdAt(),
        empty.inputs(),
        empty.intel(),
        empty.policy(),
        List.of(),
        List.of(),
        units,
        List.of(),
        List.of(),
        Map.of());
  }

  private static RemediationUnit unit(String id) {
    return new RemediationUnit(
        id,
        "web|deb|openssl|" + id,
        "web",
        "openssl",
        "debian",
        PackageKind.OS,
        "3.0.14",
        List.of("3.0.11"),
        List.of("CVE-2024-5535"),
        List.of("CVE-2024-5535"),
        List.of("web-1"),
        List.of("web-1"),
        List.of(),
        Priority.P2,
        Instant.parse("2026-12-31T00:00:00Z"),
        false,
        "Medium",
        false,
        Optional.empty(),
        Optional.empty(),
        Complexity.LOW,
        List.of(),
        List.of());
  }
}
