package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.triage.SsvcValues.TechnicalImpact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SsvcInputsTest {
  @TempDir Path dir;

  private static final SsvcInputs INPUTS =
      new SsvcInputs(
          Map.of(
              "CVE-1", new SsvcValues(Optional.of(true), Optional.of(TechnicalImpact.PARTIAL)),
              "CVE-2", new SsvcValues(Optional.of(false), Optional.of(TechnicalImpact.TOTAL)),
              "CVE-3", new SsvcValues(Optional.of(false), Optional.of(TechnicalImpact.PARTIAL))));

  @Test
  void unitTakesWorstKnownValue() {
    assertThat(INPUTS.automatable(List.of("CVE-1", "CVE-9"))).contains(true);
    assertThat(INPUTS.automatable(List.of("CVE-2", "CVE-3"))).contains(false);
    assertThat(INPUTS.automatable(List.of("CVE-2", "CVE-9"))).isEmpty();
    assertThat(INPUTS.automatable(List.of())).isEmpty();
    assertThat(INPUTS.technicalImpact(List.of("CVE-2", "CVE-9"))).contains(TechnicalImpact.TOTAL);
    assertThat(INPUTS.technicalImpact(List.of("CVE-1", "CVE-3"))).contains(TechnicalImpact.PARTIAL);
    assertThat(INPUTS.technicalImpact(List.of("CVE-1", "CVE-9"))).isEmpty();
  }

  @Test
  void loadsYamlAndRejectsBadValues() throws IOException {
    Path good = dir.resolve("ssvc.yaml");
    Files.writeString(good, "CVE-2024-3094:\n  automatable: true\n  technicalImpact: Total\n");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "CVE-1: {automatable: maybe}\n");
    Path unknownField = dir.resolve("field.yaml");
    Files.writeString(unknownField, "CVE-1: {exploitation: active}\n");

    assertThat(SsvcInputs.load(good).lookup("cve-2024-3094"))
        .isEqualTo(new SsvcValues(Optional.of(true), Optional.of(TechnicalImpact.TOTAL)));
    assertThatThrownBy(() -> SsvcInputs.load(bad))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("CVE-1.automatable")
        .hasMessageContaining("expected yes or no");
    assertThatThrownBy(() -> SsvcInputs.load(unknownField))
        .hasMessageContaining("CVE-1.exploitation");
    assertThatThrownBy(() -> SsvcInputs.load(dir.resolve("missing.yaml")))
        .hasMessageContaining("SSVC file not found");
  }
}
