package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.record.PatchRecord;
import org.junit.jupiter.api.Test;

class TriageRecordsTest {
  @Test
  void recordWithoutTriageHasNoSection() {
    assertThat(TriageRecords.read(new Fixtures().record(), "r.json")).isEmpty();
  }

  @Test
  void newerSectionVersionIsRejected() {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("schemaVersion", 99);
    PatchRecord record = new Fixtures().record().withStage("triage", node);

    assertThatThrownBy(() -> TriageRecords.read(record, "r.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("r.json (/stages/triage/schemaVersion)")
        .hasMessageContaining("unsupported triage section version 99");
  }

  @Test
  void malformedSectionIsRejected() {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("schemaVersion", 1);
    node.put("decidedAt", "yesterday");
    PatchRecord record = new Fixtures().record().withStage("triage", node);

    assertThatThrownBy(() -> TriageRecords.read(record, "r.json"))
        .hasMessageContaining("invalid triage section");
  }
}
