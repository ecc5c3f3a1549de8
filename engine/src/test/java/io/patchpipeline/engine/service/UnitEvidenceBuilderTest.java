package io.patchpipeline.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.evidence.UnitEvidence;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.verify.VerifyOptions;
import io.patchpipeline.engine.verify.VerifyResult;
import io.patchpipeline.engine.verify.VerifyService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds a unit's evidence from a record that went through every stage. */
class UnitEvidenceBuilderTest {
  @TempDir Path folder;

  @Test
  void evidenceHoldsWavesApprovalAndSla() throws Exception {
    LedgerFeedTest stages = new LedgerFeedTest();
    stages.folder = folder;
    PatchRecord record = stages.allStages();
    VerifyResult result =
        new VerifyService()
            .verify(
                record,
                new VerifyOptions(
                    InventoryFiles.resolve(folder, List.of("web1.dpkg.txt"), "auto"),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    true));

    UnitEvidence curl = build(record, result, "PP-curl");
    UnitEvidence ssl = build(record, result, "PP-ssl");

    assertThat(curl.waves())
        .extracting(UnitEvidence.Wave::name)
        .containsExactly("staging", "canary");
    assertThat(curl.waves()).extracting(UnitEvidence.Wave::outcome).containsOnly("PASSED");
    UnitEvidence.Decision approval =
        curl.decisions().stream()
            .filter(decision -> decision.outcome().equals("APPROVED"))
            .findFirst()
            .orElseThrow();
    assertThat(approval.decidedBy()).isEqualTo("alice");
    assertThat(approval.inputs()).containsEntry("reason", "reviewed");
    assertThat(approval.inputs()).containsEntry("channel", "JENKINS_INPUT");
    assertThat(curl.sla().orElseThrow().outcome()).isEqualTo("open");
    assertThat(curl.sla().orElseThrow().closed()).isEmpty();
    assertThat(ssl.sla().orElseThrow().outcome()).isEqualTo("met");
    assertThat(ssl.sla().orElseThrow().closed()).contains(VerifyFlowTest.BEFORE_DUE);
  }

  private UnitEvidence build(PatchRecord record, VerifyResult result, String unitId) {
    return UnitEvidenceBuilder.build(
        record,
        folder.resolve("record.json"),
        record.unit(unitId).orElseThrow(),
        result,
        List.of(),
        VerifyFlowTest.BEFORE_DUE);
  }
}
