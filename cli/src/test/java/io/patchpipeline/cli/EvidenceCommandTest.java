package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.evidence.EvidenceSigner;
import io.patchpipeline.engine.evidence.EvidenceWriter;
import io.patchpipeline.engine.evidence.EvidenceZip;
import io.patchpipeline.engine.evidence.UnitEvidence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evidence verify} prints what it checked and rejects what is no bundle with exit code 2.
 */
class EvidenceCommandTest {
  private static final String KEY = "evidence-key-of-this-test-0123";

  @TempDir Path dir;
  private Path bundle;
  private Path keyFile;

  @BeforeEach
  void writeSignedBundle() throws Exception {
    keyFile = Files.writeString(dir.resolve("key.bin"), KEY);
    UnitEvidence evidence =
        new UnitEvidence(
            "PP-97cb862820",
            "run-1",
            Instant.parse("2026-12-04T18:00:00Z"),
            Map.of("id", "PP-97cb862820"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "alice",
            List.of(),
            List.of(),
            Optional.empty());
    bundle =
        new EvidenceWriter(
                Optional.of(EvidenceSigner.hmac(KEY.getBytes(StandardCharsets.UTF_8))), List.of())
            .writeUnit(evidence, dir.resolve("evidence"));
  }

  @Test
  void withoutKeySignatureIsNotChecked() {
    CommandTester run = CommandTester.run("evidence", "verify", bundle.toString());

    assertThat(run.exitCode).as(run.err).isZero();
    assertThat(run.out).contains(": intact, signature not checked (no key given)");
  }

  @Test
  void wrongKeySaysSignatureInvalid() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong.bin"), "another-key-of-this-test-456");

    CommandTester run =
        CommandTester.run(
            "evidence", "verify", bundle.toString(), "--signing-key-file", wrong.toString());

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.out).contains(": changed, signature invalid");
  }

  @Test
  void zipVerifiesWithItsKey() throws Exception {
    Path zip = EvidenceZip.packBeside(bundle);

    CommandTester run =
        CommandTester.run(
            "evidence", "verify", zip.toString(), "--signing-key-file", keyFile.toString());

    assertThat(zip.getFileName().toString()).isEqualTo("PP-97cb862820.zip");
    assertThat(run.exitCode).as(run.out + run.err).isZero();
    assertThat(run.out).contains(": intact, signature valid");
  }

  @Test
  void fileThatIsNoZipIsInputError() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.zip"), "not a zip at all");

    CommandTester run = CommandTester.run("evidence", "verify", text.toString());

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("not an evidence bundle (not a zip file or folder)");
    assertThat(run.err).doesNotContain("evidence-check");
  }

  @Test
  void runFolderIsInputError() {
    CommandTester run = CommandTester.run("evidence", "verify", dir.resolve("evidence").toString());

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("not an evidence bundle: the folder has no manifest.json");
  }
}
