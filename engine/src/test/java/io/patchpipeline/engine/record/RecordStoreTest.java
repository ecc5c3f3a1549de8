package io.patchpipeline.engine.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.patchpipeline.engine.core.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordStoreTest {
  @TempDir Path dir;

  @Test
  void roundTripsStages() throws Exception {
    PatchRecord record =
        empty().withStage("tickets", JsonNodeFactory.instance.objectNode().put("PP-1", "SEC-7"));
    Path file = dir.resolve("r.json");
    RecordStore.write(file, record);
    PatchRecord read = RecordStore.read(file);
    assertThat(read.stage("tickets").orElseThrow().get("PP-1").asText()).isEqualTo("SEC-7");
    assertThat(read.runId()).isEqualTo("run-1");
    assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
  }

  @Test
  void rejectsNewerSchema() throws Exception {
    Path file = Files.writeString(dir.resolve("r.json"), "{\"schemaVersion\": 99}");
    assertThatThrownBy(() -> RecordStore.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("/schemaVersion")
        .hasMessageContaining("unsupported record schema version 99");
  }

  @Test
  void rejectsOtherJson() throws Exception {
    Path file = Files.writeString(dir.resolve("r.json"), "[1, 2]");
    assertThatThrownBy(() -> RecordStore.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a Patch Pipeline record");
  }

  @Test
  void rejectsTruncatedJson() throws Exception {
    Path file = Files.writeString(dir.resolve("r.json"), "{\"schemaVersion\": 1, \"runId\": ");
    assertThatThrownBy(() -> RecordStore.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("r.json (line 1");
  }

  @Test
  void missingRecordSaysWhatToDo() {
    assertThatThrownBy(() -> RecordStore.read(dir.resolve("none.json")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("run detect first");
  }

  @Test
  void rewriteReplacesWholeFile() throws Exception {
    Path file = dir.resolve("r.json");
    RecordStore.write(
        file, empty().withStage("a", JsonNodeFactory.instance.textNode("x".repeat(10_000))));
    RecordStore.write(file, empty());
    assertThat(RecordStore.read(file).stages()).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }

  static PatchRecord empty() {
    return new PatchRecord(
        PatchRecord.SCHEMA_VERSION,
        "run-1",
        Instant.parse("2026-12-01T10:00:00Z"),
        List.of(),
        IntelInfo.NONE,
        new InputFile("built-in", "policy", "", "default", "", 0),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of());
  }
}
