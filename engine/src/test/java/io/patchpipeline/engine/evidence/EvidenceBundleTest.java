package io.patchpipeline.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.verify.FindingVerification;
import io.patchpipeline.engine.verify.VerificationStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EvidenceBundleTest {
  private static final String SECRET = "s3cr3t-T0ken-42-do-not-leak";
  private static final byte[] KEY =
      "evidence-hmac-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path folder;
  private Path before;
  private Path after;

  @BeforeEach
  void writeScans() throws IOException {
    before =
        Files.writeString(
            folder.resolve("trivy-before.json"), "{\"Results\": [{\"Target\": \"web1\"}]}");
    after = Files.writeString(folder.resolve("trivy-after.json"), "{\"Results\": []}");
  }

  private UnitEvidence evidence(String unitId, String ticketUrl) {
    return new UnitEvidence(
        unitId,
        "run-7",
        NOW,
        Map.of("id", unitId, "package", "openssl", "cves", List.of("CVE-2023-5678")),
        List.of(before),
        List.of(after),
        List.of(
            new FindingVerification(
                "f1",
                "CVE-2023-5678",
                "openssl",
                "web1",
                VerificationStatus.FIXED,
                "targeted",
                "3.0.11-1~deb12u2",
                "3.0.11-1~deb12u2",
                "DSA-5532-1",
                "installed is at least fixed")),
        List.of(
            new UnitEvidence.Decision(
                unitId,
                "approved",
                "auto-dev-low-risk",
                Map.of("epss", "0.01", "cvss", "5.3"),
                "policy",
                NOW)),
        "alice",
        List.of(
            new UnitEvidence.Wave(
                "canary",
                List.of("web1"),
                "passed",
                NOW,
                NOW.plusSeconds(600),
                List.of(
                    new UnitEvidence.HealthSample(
                        NOW.plusSeconds(300), "http 200 rate", "0.999", true)))),
        List.of(new UnitEvidence.Ticket("jira", "SEC-42", ticketUrl)),
        Optional.of(
            new UnitEvidence.Sla(
                "P1",
                NOW.minusSeconds(86_400),
                Optional.of(NOW.plusSeconds(86_400)),
                Optional.of(NOW),
                "MET")));
  }

  private EvidenceWriter hmacWriter() {
    return new EvidenceWriter(Optional.of(EvidenceSigner.hmac(KEY)), List.of(SECRET));
  }

  @Test
  void writesUnitBundleThatVerifies() throws IOException {
    Path bundle =
        hmacWriter()
            .writeUnit(
                evidence("PP-1", "https://jira.example/browse/SEC-42"), folder.resolve("evidence"));

    BundleCheck check = BundleVerifier.verify(bundle, Optional.of(EvidenceSigner.hmac(KEY)));

    assertThat(check.problems()).isEmpty();
    assertThat(check.valid()).isTrue();
    assertThat(check.signed()).isTrue();
    assertThat(check.signatureVerified()).isTrue();
    assertThat(bundle.getFileName().toString()).isEqualTo("PP-1");
    assertThat(Files.readString(bundle.resolve("scans/before/01-trivy-before.json")))
        .contains("web1");
    assertThat(Files.readString(bundle.resolve("verification.json"))).contains("DSA-5532-1");
    assertThat(Files.readString(bundle.resolve("decisions.json")))
        .contains("alice")
        .contains("auto-dev-low-risk");
    assertThat(Files.readString(bundle.resolve("deployment.json"))).contains("http 200 rate");
    assertThat(Files.readString(bundle.resolve("sla.json"))).contains("MET");
    assertThat(Files.readString(bundle.resolve("manifest.json")))
        .contains("\"sha256\"")
        .contains("tickets.json");
  }

  /** Ways an attacker or an accident may change a bundle after it was written. */
  enum Tampering {
    CHANGE_FILE("verification.json was changed"),
    ADD_FILE("scans/after/02-extra.json was added"),
    REMOVE_FILE("tickets.json is listed in manifest.json but missing"),
    CHANGE_MANIFEST("signature does not match manifest.json"),
    REMOVE_SIGNATURE("not signed");

    final String problem;

    Tampering(String problem) {
      this.problem = problem;
    }
  }

  @ParameterizedTest
  @EnumSource(Tampering.class)
  void tamperingIsDetected(Tampering tampering) throws IOException {
    Path bundle =
        hmacWriter()
            .writeUnit(
                evidence("PP-1", "https://jira.example/browse/SEC-42"), folder.resolve("evidence"));
    Path verification = bundle.resolve("verification.json");
    switch (tampering) {
      case CHANGE_FILE ->
          Files.writeString(
              verification, Files.readString(verification).replace("FIXED", "FIXED "));
      case ADD_FILE -> Files.writeString(bundle.resolve("scans/after/02-extra.json"), "{}");
      case REMOVE_FILE -> Files.delete(bundle.resolve("tickets.json"));
      case CHANGE_MANIFEST -> rewriteWithMatchingManifest(bundle, verification);
      case REMOVE_SIGNATURE -> Files.delete(bundle.resolve("manifest.sig"));
    }

    BundleCheck check = BundleVerifier.verify(bundle, Optional.of(EvidenceSigner.hmac(KEY)));

    assertThat(check.valid()).isFalse();
    assertThat(check.problems()).singleElement().asString().contains(tampering.problem);
  }

  /** Changes a file and puts its new hash into the manifest, as a forger without the key would. */
  private static void rewriteWithMatchingManifest(Path bundle, Path file) throws IOException {
    Files.writeString(file, "[]");
    ObjectNode manifest =
        (ObjectNode) Json.mapper().readTree(bundle.resolve("manifest.json").toFile());
    for (JsonNode entry : manifest.get("files")) {
      if (entry.get("path").asText().equals("verification.json")) {
        ((ObjectNode) entry).put("sha256", Hashing.sha256(file));
      }
    }
    Files.write(bundle.resolve("manifest.json"), Json.mapper().writeValueAsBytes(manifest));
    assertThat(BundleVerifier.verify(bundle, Optional.empty()).valid())
        .as("hashes match again")
        .isTrue();
  }

  @Test
  void wrongKeyFailsTheSignature() throws IOException {
    Path bundle = hmacWriter().writeUnit(evidence("PP-1", "u"), folder.resolve("evidence"));

    BundleCheck check =
        BundleVerifier.verify(
            bundle,
            Optional.of(
                EvidenceSigner.hmac("another-key-0123456789".getBytes(StandardCharsets.UTF_8))));

    assertThat(check.valid()).isFalse();
    assertThat(check.problems()).singleElement().asString().contains("signature does not match");
  }

  @Test
  void unsignedBundleVerifiesWithoutKey() throws IOException {
    Path bundle =
        new EvidenceWriter(Optional.empty(), List.of())
            .writeUnit(evidence("PP-2", "u"), folder.resolve("evidence"));

    BundleCheck check = BundleVerifier.verify(bundle, Optional.empty());

    assertThat(check.valid()).isTrue();
    assertThat(check.signed()).isFalse();
    assertThat(Files.exists(bundle.resolve("manifest.sig"))).isFalse();
  }

  @Test
  void ed25519SignatureVerifiesWithPublicKeyOnly() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    EvidenceSigner signing =
        EvidenceSigner.ed25519(pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
    Path bundle =
        new EvidenceWriter(Optional.of(signing), List.of())
            .writeUnit(evidence("PP-3", "u"), folder.resolve("evidence"));
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

    BundleCheck good =
        BundleVerifier.verify(
            bundle, Optional.of(EvidenceSigner.ed25519(null, pair.getPublic().getEncoded())));
    BundleCheck bad =
        BundleVerifier.verify(
            bundle, Optional.of(EvidenceSigner.ed25519(null, other.getPublic().getEncoded())));

    assertThat(good.valid()).isTrue();
    assertThat(good.signatureVerified()).isTrue();
    assertThat(bad.valid()).isFalse();
  }

  @Test
  void bundleNeverHoldsTheKeyOrSecret() throws IOException {
    Path bundle =
        hmacWriter()
            .writeUnit(
                evidence("PP-1", "https://jira.example/browse/SEC-42"), folder.resolve("evidence"));

    try (Stream<Path> files = Files.walk(bundle)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file);
        assertThat(text)
            .as(file.toString())
            .doesNotContain(new String(KEY, StandardCharsets.UTF_8))
            .doesNotContain(SECRET);
      }
    }
  }

  @Test
  void secretInInputStopsTheBundle() throws IOException {
    Path evidenceFolder = folder.resolve("evidence");
    UnitEvidence leaking = evidence("PP-1", "https://jira.example/browse/SEC-42?token=" + SECRET);

    assertThatThrownBy(() -> hmacWriter().writeUnit(leaking, evidenceFolder))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("tickets.json")
        .hasMessageNotContaining(SECRET);
    try (Stream<Path> left = Files.list(evidenceFolder)) {
      assertThat(left).as("no bundle and no temporary folder is left").isEmpty();
    }
  }

  @Test
  void existingBundleIsNotOverwritten() throws IOException {
    EvidenceWriter writer = hmacWriter();
    writer.writeUnit(evidence("PP-1", "u"), folder.resolve("evidence"));

    assertThatThrownBy(() -> writer.writeUnit(evidence("PP-1", "u"), folder.resolve("evidence")))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void runBundleCoversEveryUnit() throws IOException {
    Path run =
        hmacWriter()
            .writeRun(
                "run-7",
                NOW,
                Map.of("units", 2, "verified", 2),
                List.of(evidence("PP-1", "u"), evidence("PP-2", "u")),
                folder.resolve("evidence"));

    assertThat(BundleVerifier.verify(run, Optional.of(EvidenceSigner.hmac(KEY))).valid()).isTrue();
    assertThat(
            BundleVerifier.verify(run.resolve("units/PP-2"), Optional.of(EvidenceSigner.hmac(KEY)))
                .valid())
        .isTrue();

    Files.writeString(run.resolve("units/PP-2/sla.json"), "{}");

    assertThat(BundleVerifier.verify(run, Optional.of(EvidenceSigner.hmac(KEY))).problems())
        .singleElement()
        .asString()
        .contains("units/PP-2/sla.json");
  }

  @Test
  void missingManifestIsReported() throws IOException {
    Path empty = Files.createDirectories(folder.resolve("not-a-bundle"));

    assertThatThrownBy(() -> BundleVerifier.verify(empty, Optional.empty()))
        .isInstanceOf(io.patchpipeline.engine.core.InputException.class)
        .hasMessageContaining("not-a-bundle")
        .hasMessageContaining("not an evidence bundle: the folder has no manifest.json");
  }

  @Test
  void manifestListingFileTwiceIsRejected() throws IOException {
    Path bundle =
        new EvidenceWriter(Optional.empty(), List.of())
            .writeUnit(evidence("PP-1", "u"), folder.resolve("evidence"));
    ObjectNode manifest =
        (ObjectNode) Json.mapper().readTree(bundle.resolve("manifest.json").toFile());
    ((com.fasterxml.jackson.databind.node.ArrayNode) manifest.get("files"))
        .add(manifest.get("files").get(0).deepCopy());
    Files.write(bundle.resolve("manifest.json"), Json.mapper().writeValueAsBytes(manifest));

    BundleCheck check = BundleVerifier.verify(bundle, Optional.empty());

    assertThat(check.problems())
        .containsExactly(
            "manifest.json lists " + manifest.get("files").get(0).get("path").asText() + " twice");
  }

  @Test
  void manifestOfAnotherUnitIsRejected() throws IOException {
    EvidenceWriter writer = new EvidenceWriter(Optional.empty(), List.of());
    Path one = writer.writeUnit(evidence("PP-1", "u"), folder.resolve("evidence"));
    Path two = writer.writeUnit(evidence("PP-2", "u"), folder.resolve("evidence"));
    Files.copy(
        two.resolve("manifest.json"),
        one.resolve("manifest.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        two.resolve("unit.json"),
        one.resolve("unit.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    BundleCheck check = BundleVerifier.verify(one, Optional.empty());

    assertThat(check.valid()).isFalse();
    assertThat(check.problems())
        .contains("manifest.json is for unit PP-2, but the bundle is named PP-1");
  }

  @Test
  void unitJsonOfAnotherUnitIsRejected() throws IOException {
    EvidenceWriter writer = new EvidenceWriter(Optional.empty(), List.of());
    Path one = writer.writeUnit(evidence("PP-1", "u"), folder.resolve("evidence"));
    Path renamed = Files.move(one, folder.resolve("copied-bundle"));
    Files.writeString(renamed.resolve("unit.json"), "{\"id\": \"PP-7\"}");

    BundleCheck check = BundleVerifier.verify(renamed, Optional.empty());

    assertThat(check.problems())
        .contains("manifest.json is for unit PP-1, but unit.json is for unit PP-7");
  }

  @Test
  void shortHmacKeyIsRejected() {
    assertThatThrownBy(() -> EvidenceSigner.hmac(new byte[8]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 bytes");
    assertThat(EvidenceSigner.hmac(KEY).toString()).isEqualTo("EvidenceSigner[HMAC-SHA256]");
  }
}
