package io.patchpipeline.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceZipTest {
  private static final byte[] KEY = "zip-evidence-key-0123456789".getBytes(StandardCharsets.UTF_8);

  @TempDir Path folder;

  private Path bundle() throws IOException {
    UnitEvidence evidence =
        new UnitEvidence(
            "PP-9",
            "run-1",
            Instant.parse("2026-03-01T00:00:00Z"),
            Map.of("id", "PP-9"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "bob",
            List.of(),
            List.of(),
            Optional.empty());
    return new EvidenceWriter(Optional.of(EvidenceSigner.hmac(KEY)), List.of())
        .writeUnit(evidence, folder.resolve("evidence"));
  }

  @Test
  void packedBundleVerifiesAndPacksTheSame() throws IOException {
    Path bundle = bundle();
    Path first = folder.resolve("first.zip");
    Path second = folder.resolve("second.zip");

    EvidenceZip.pack(bundle, first);
    EvidenceZip.pack(bundle, second);

    BundleCheck check = EvidenceZip.verify(first, Optional.of(EvidenceSigner.hmac(KEY)));
    assertThat(check.valid()).isTrue();
    assertThat(check.signatureVerified()).isTrue();
    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
  }

  @Test
  void entryOutsideTheBundleIsReported() throws IOException {
    Path evil = folder.resolve("evil.zip");
    try (OutputStream out = Files.newOutputStream(evil);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("../outside.txt"));
      zip.write("x".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }

    BundleCheck check = EvidenceZip.verify(evil, Optional.empty());

    assertThat(check.valid()).isFalse();
    assertThat(check.problems()).singleElement().asString().contains("points outside the bundle");
    assertThat(Files.exists(folder.getParent().resolve("outside.txt"))).isFalse();
  }
}
