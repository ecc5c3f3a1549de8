package io.patchpipeline.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.report.FileReportInput;
import io.patchpipeline.engine.report.Finding;
import io.patchpipeline.engine.report.ReportReader;
import io.patchpipeline.engine.testing.SharedData;
import io.patchpipeline.engine.verify.VerifyOptions.FailureMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verifies a record built from a real Trivy report by re-scanning with real reports. */
class VerifyRescanTest {
  private Path before;
  private Path otherScope;
  private PatchRecord record;
  private String target;

  @BeforeEach
  void buildRecordFromRealReport() throws IOException {
    before = SharedData.folder().resolve("trivy/defectdojo__issue_9333.json");
    otherScope = SharedData.folder().resolve("trivy/defectdojo__scheme_2_no_vuln.json");
    List<Finding> findings = new ArrayList<>();
    ReportReader.withAllFormats().read(FileReportInput.of(before), findings::add);
    List<UnitFinding> recordFindings = new ArrayList<>();
    for (Finding finding : findings.subList(0, 3)) {
      recordFindings.add(
          Records.finding(
              "f" + recordFindings.size(),
              finding.canonicalId(),
              finding.pkg().name(),
              finding.pkg().installedVersion(),
              "99.0",
              finding.target().name()));
    }
    target = findings.get(0).target().name();
    record = Records.record(recordFindings, List.of(Records.unit("PP-1", "mixed", recordFindings)));
  }

  private VerifyResult rescan(Path report, List<String> scanned) throws IOException {
    return new VerifyService()
        .verify(
            record,
            new VerifyOptions(
                List.of(), List.of(), List.of(report), scanned, FailureMode.UNSTABLE, true));
  }

  @Test
  void sameFindingsAgainAreStillVulnerable() throws IOException {
    VerifyResult result = rescan(before, List.of());

    assertThat(result.findings())
        .extracting(FindingVerification::status)
        .containsOnly(VerificationStatus.STILL_VULNERABLE);
    assertThat(result.findings()).extracting(FindingVerification::method).containsOnly("rescan");
    assertThat(result.units().get(0).verified()).isFalse();
    assertThat(result.outcome()).isEqualTo(VerifyResult.Outcome.UNSTABLE);
  }

  @Test
  void uncoveredTargetIsUnknown() throws IOException {
    VerifyResult result = rescan(otherScope, List.of());

    assertThat(result.findings())
        .extracting(FindingVerification::status)
        .containsOnly(VerificationStatus.UNKNOWN);
    assertThat(result.units().get(0).closure().unverified()).hasSize(3);
  }

  @Test
  void cleanScanOfCoveredTargetIsFixed() throws IOException {
    VerifyResult result = rescan(otherScope, List.of(target));

    assertThat(result.findings())
        .extracting(FindingVerification::status)
        .containsOnly(VerificationStatus.FIXED);
    assertThat(result.units().get(0).verified()).isTrue();
    assertThat(result.outcome()).isEqualTo(VerifyResult.Outcome.PASSED);
  }
}
