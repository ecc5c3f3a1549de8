package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.patchpipeline.engine.verify.VerifyOptions.FailureMode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerifyCveStepTest {
  private final VerifyCveStep.DescriptorImpl descriptor = new VerifyCveStep.DescriptorImpl();

  @Test
  void everyParameterIsOptional() {
    assertThat(StepParameters.required(VerifyCveStep.class)).isEmpty();
    assertThat(StepParameters.optional(VerifyCveStep.class))
        .containsExactlyInAnyOrder(
            "rescan",
            "installed",
            "installedFormat",
            "advisories",
            "scannedTargets",
            "onRemaining",
            "tickets",
            "signingKeyId",
            "evidenceFolder",
            "defectDojoUrl",
            "defectDojoCredentialsId",
            "webhookUrl",
            "webhookCredentialsId",
            "evidenceStore",
            "s3Endpoint",
            "s3Region",
            "s3CredentialsId");
  }

  @Test
  void descriptorNamesTheStepAndItsContext() {
    assertThat(descriptor.getFunctionName()).isEqualTo("verifyCve");
    assertThat(Set.copyOf(descriptor.getRequiredContext()))
        .isEqualTo(Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class));
  }

  @ParameterizedTest
  @CsvSource({
    "'', '', '', '', 'verifyCve needs rescan'",
    "after/*.json, '', '', abort, 'Invalid onRemaining ''abort''; expected failure, unstable or ignore'",
    "'', facts/*.txt, yaml, '', 'Invalid installedFormat ''yaml''; expected auto, ansible'"
  })
  void invalidParametersAreRejected(
      String rescan, String installed, String format, String onRemaining, String message) {
    VerifyCveStep step = step(rescan, installed, format, onRemaining);

    assertThatThrownBy(() -> VerifySettings.of(step))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource({"'', FAIL", "failure, FAIL", "UNSTABLE, UNSTABLE", "' ignore ', IGNORE"})
  void onRemainingMapsToTheEngine(String onRemaining, FailureMode expected) {
    VerifySettings settings = VerifySettings.of(step("after/*.json", "", "", onRemaining));

    assertThat(settings.failureMode()).isEqualTo(expected);
  }

  @Test
  void defaultsArchiveEvidenceAndDetectFormats() {
    VerifySettings settings = VerifySettings.of(step("", "facts/*.json", "", ""));

    assertThat(settings.installedFormat()).isEqualTo("auto");
    assertThat(settings.archivesEvidence()).isTrue();
    assertThat(settings.onRemaining()).isEqualTo("failure");
  }

  @Test
  void invalidParametersAbortBeforeAnythingRuns() {
    assertThatThrownBy(
            () -> new VerifyExecution(new VerifyCveStep(), new TestStepContext(), null, null, null))
        .isInstanceOf(hudson.AbortException.class)
        .hasMessageContaining("verifyCve needs rescan");
  }

  @ParameterizedTest
  @CsvSource({
    "patch-pipeline/evidence/2026-12-04T10-00-00Z/PP-1a2b.zip, true",
    "patch-pipeline/evidence/2026-12-04T10-00-00Z/../../../../config.xml.zip, false",
    "patch-pipeline/evidence/../PP-1.zip, false",
    "/etc/passwd.zip, false",
    "patch-pipeline/evidence/x/PP-1.zip/../y.zip, false",
    "patch-pipeline/evidence/x/.hidden.zip, false"
  })
  void onlyStagedBundlesBecomeArtifacts(String path, boolean accepted) {
    assertThat(VerifyExecution.ARTIFACT_NAME.matcher(path).matches()).isEqualTo(accepted);
  }

  private static VerifyCveStep step(
      String rescan, String installed, String format, String onRemaining) {
    VerifyCveStep step = new VerifyCveStep();
    step.setRescan(rescan);
    step.setInstalled(installed);
    step.setInstalledFormat(format);
    step.setOnRemaining(onRemaining);
    return step;
  }
}
