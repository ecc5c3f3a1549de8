package io.patchpipeline.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
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
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceZipTest {
  private static final byte[] KEY = "zip-evidence-key-0123456789".getBytes(StandardCharsets.UTF_8);

  @TempDir Path folder;

  private Path bundle() throws IOException {
    return new EvidenceWriter(Optional.of(EvidenceSigner.hmac(KEY)), List.of())
        .writeUnit(unitEvidence("PP-9"), folder.resolve("evidence"));
  }

  private static UnitEvidence unitEvidence(String unitId) {
    return new UnitEvidence(
        unitId,
        "run-1",
        Instant.parse("2026-03-01T00:00:00Z"),
        Map.of("id", unitId),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "bob",
        List.of(),
        List.of(),
        Optional.empty());
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
    assertThat(check.problems()).contains("rejected: unsafe entry name ../outside.txt");
    assertThat(Files.exists(folder.getParent().resolve("outside.txt"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../../../../tmp/pp-slipped.txt", "/etc/pp-slipped", "C:/x", "a/../../b", "a\\b"})
  void unsafeEntryIsRejectedAndSignatureStillSeen(String name) throws IOException {
    Path zip = packed(bundle(), Map.of(name, "x"));

    BundleCheck check = EvidenceZip.verify(zip, Optional.empty());

    assertThat(check.valid()).isFalse();
    assertThat(check.problems()).contains("rejected: unsafe entry name " + name);
    assertThat(check.signed()).as("manifest.sig is in the zip").isTrue();
  }

  @Test
  void duplicateEntryIsRejected() throws IOException {
    Path zip = packed(bundle(), Map.of("unit.jso~", "{\"id\": \"PP-9\"}"));
    // ZipOutputStream rejects a repeated name, so the extra entry gets its name in the bytes.
    byte[] bytes = Files.readAllBytes(zip);
    byte[] placeholder = "unit.jso~".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + placeholder.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(
          bytes, i, i + placeholder.length, placeholder, 0, placeholder.length)) {
        bytes[i + placeholder.length - 1] = 'n';
      }
    }
    Files.write(zip, bytes);

    BundleCheck check = EvidenceZip.verify(zip, Optional.of(EvidenceSigner.hmac(KEY)));

    assertThat(check.valid()).isFalse();
    assertThat(check.problems()).contains("rejected: duplicate entry name unit.json");
  }

  @Test
  void zipBombStopsAtTheSizeLimit() throws IOException {
    Path zip = packed(bundle(), Map.of("bomb.bin", "\0".repeat(300_000)));
    try (var before = Files.list(tempRoot())) {
      long tempsBefore = before.count();

      BundleCheck check = EvidenceZip.verify(zip, Optional.empty(), 1000, 100_000);

      assertThat(check.valid()).isFalse();
      assertThat(check.problems())
          .anyMatch(p -> p.startsWith("rejected: the zip holds more than 100000 bytes"));
      try (var after = Files.list(tempRoot())) {
        assertThat(after.count()).as("nothing unpacked to disk").isLessThanOrEqualTo(tempsBefore);
      }
    }
  }

  @Test
  void tooManyEntriesAreRejected() throws IOException {
    Map<String, String> extra = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      extra.put("scans/after/" + i + ".json", "{}");
    }
    Path zip = packed(bundle(), extra);

    BundleCheck check = EvidenceZip.verify(zip, Optional.empty(), 20, 1 << 20);

    assertThat(check.problems()).contains("rejected: the zip has more than 20 entries");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PK\u0003\u0004garbage", "just text", ""})
  void fileThatIsNoZipIsNoBundle(String content) throws IOException {
    Path file = Files.writeString(folder.resolve("bundle.zip"), content);

    assertThatThrownBy(() -> EvidenceZip.verify(file, Optional.empty()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bundle.zip")
        .hasMessageContaining("not an evidence bundle (not a zip file or folder)")
        .hasMessageNotContaining(System.getProperty("java.io.tmpdir") + "/evidence-check");
  }

  @Test
  void zipWithoutManifestIsNoBundle() throws IOException {
    Path zip = folder.resolve("other.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream stream = new ZipOutputStream(out)) {
      stream.putNextEntry(new ZipEntry("readme.txt"));
      stream.closeEntry();
    }

    assertThatThrownBy(() -> EvidenceZip.verify(zip, Optional.empty()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not an evidence bundle: the zip has no manifest.json");
  }

  @Test
  void missingZipIsNotFound() {
    assertThatThrownBy(() -> EvidenceZip.verify(folder.resolve("none.zip"), Optional.empty()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("none.zip")
        .hasMessageContaining("evidence bundle not found");
  }

  @Test
  void zipIsNamedAfterTheSafeBundleFolder() throws IOException {
    Path evidence = folder.resolve("evidence");
    Path bundle =
        new EvidenceWriter(Optional.empty(), List.of())
            .writeUnit(unitEvidence("/tmp/pp-zip-escape/victim"), evidence);

    Path zip = EvidenceZip.packBeside(bundle);

    assertThat(zip.getParent()).isEqualTo(evidence.toAbsolutePath());
    assertThat(zip.getFileName().toString()).isEqualTo(bundle.getFileName() + ".zip");
    assertThat(zip.getFileName().toString()).doesNotContain("/").startsWith("_tmp_");
  }

  /** Repacks a bundle as a zip and appends {@code extra} entries after its own. */
  private Path packed(Path bundle, Map<String, String> extra) throws IOException {
    Path clean = folder.resolve("clean.zip");
    EvidenceZip.pack(bundle, clean);
    Path zip = folder.resolve("PP-9.zip");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(clean));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(out);
        out.closeEntry();
      }
      for (Map.Entry<String, String> entry : extra.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return zip;
  }

  private static Path tempRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }
}
