package io.patchpipeline.engine.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.asset.InventoryLoader;
import io.patchpipeline.engine.core.JsonProblems;
import io.patchpipeline.engine.core.Messages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parser errors name the position and the problem, without Java class names or excerpts. */
class ParseErrorMessagesTest {
  @TempDir Path dir;

  private static void readRecord(String json) throws Exception {
    RecordStore.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "r.json");
  }

  @Test
  void recordWithoutFieldsNamesThem() {
    assertThatThrownBy(() -> readRecord("{\"schemaVersion\":1}"))
        .hasMessageStartingWith("r.json")
        .hasMessageContaining("invalid record: missing required field")
        .hasMessageContaining("'units'")
        .hasMessageNotContaining("io.patchpipeline")
        .hasMessageNotContaining("Cannot invoke");
  }

  @Test
  void wrongTypeGivesPointerAndExpectedType() {
    assertThatThrownBy(() -> readRecord("{\"schemaVersion\":1,\n\"units\": 5}"))
        .hasMessageContaining("(/units)")
        .hasMessageContaining("wrong type; expected an array")
        .hasMessageNotContaining("java.util");
  }

  @Test
  void truncatedJsonHasNoRedactedSource() {
    assertThatThrownBy(() -> readRecord("{\"schemaVersion\":1, \"units\": ["))
        .hasMessageContaining("line 1")
        .hasMessageContaining("the file ends early")
        .hasMessageNotContaining("REDACTED")
        .hasMessageNotContaining("StreamReadFeature");
  }

  @Test
  void yamlTabIsNamed() throws Exception {
    Path inventory = Files.writeString(dir.resolve("inventory.yaml"), "assets:\n\t- id: a\n");

    assertThatThrownBy(() -> InventoryLoader.load(inventory, new Messages()))
        .hasMessageContaining("line 2, column 1")
        .hasMessageContaining("tabs are not allowed for indentation");
  }

  @Test
  void yamlErrorIsOneLine() throws Exception {
    Path inventory =
        Files.writeString(
            dir.resolve("inventory.yaml"), "assets:\n  - {id: a, hostnames: [a]\n  - {id: b}\n");

    assertThatThrownBy(() -> InventoryLoader.load(inventory, new Messages()))
        .hasMessageContaining("invalid YAML")
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1))
        .hasMessageNotContaining("'reader'");
  }

  @Test
  void oversizedYamlInventorySuggestsCsv() throws Exception {
    StringBuilder yaml = new StringBuilder("assets:\n");
    while (yaml.length() <= JsonProblems.YAML_MAX_CODE_POINTS) {
      yaml.append("  - {id: host-")
          .append(yaml.length())
          .append(", hostnames: [h")
          .append(yaml.length())
          .append("]}\n");
    }
    Path inventory = Files.writeString(dir.resolve("inventory.yaml"), yaml);

    assertThatThrownBy(() -> InventoryLoader.load(inventory, new Messages()))
        .hasMessageContaining("larger than the limit of 3145728 characters")
        .hasMessageContaining("use CSV for large inventories");
  }
}
