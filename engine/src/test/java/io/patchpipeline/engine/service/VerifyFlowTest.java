package io.patchpipeline.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.evidence.BundleCheck;
import io.patchpipeline.engine.evidence.EvidenceSigner;
import io.patchpipeline.engine.evidence.EvidenceZip;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.verify.InventoryFormat;
import io.patchpipeline.engine.verify.Records;
import io.patchpipeline.engine.verify.VerifyOptions;
import io.patchpipeline.engine.verify.VerifyOptions.FailureMode;
import io.patchpipeline.engine.verify.VerifyOptions.InventoryInput;
import io.patchpipeline.engine.verify.VerifyResult;
import io.patchpipeline.engine.verify.VerifyService;
import java.io.IOException;
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
 * Verifies a small record against real dpkg output and checks what the front ends build from the
 * result: the record section, the summary map, the evidence bundles and the trend figures.
 */
class VerifyFlowTest {
  static final Instant BEFORE_DUE = Instant.parse("2026-01-20T00:00:00Z");
  static final Instant AFTER_DUE = Instant.parse("2026-03-01T00:00:00Z");

  @TempDir Path folder;
  private PatchRecord record;
  private VerifyResult result;

  @BeforeEach
  void verify() throws IOException {
    record = twoUnits();
    Path dpkg =
        Files.writeString(
            folder.resolve("web1.dpkg.txt"), "openssl 3.0.11-1~deb12u2\ncurl 7.88.1-10+deb12u4\n");
    VerifyOptions options =
        new VerifyOptions(
            List.of(new InventoryInput(dpkg, InventoryFormat.DPKG, "web1")),
            List.of(),
            List.of(),
            List.of(),
            FailureMode.UNSTABLE,
            true);
    result = new VerifyService().verify(record, options);
  }

  static PatchRecord twoUnits() {
    UnitFinding openssl =
        Records.finding("f1", "CVE-2024-0001", "openssl", "3.0.9-1", "3.0.11-1~deb12u2", "web1");
    UnitFinding curl =
        Records.finding("f3", "CVE-2024-0003", "curl", "7.88.1-10", "7.88.1-10+deb12u5", "web1");
    return Records.record(
        List.of(openssl, curl),
        List.of(
            Records.unit("PP-ssl", "openssl", List.of(openssl)),
            Records.unit("PP-curl", "curl", List.of(curl))));
  }

  @Test
  void sectionKeepsVerdictsAndTime() {
    PatchRecord written = VerifySection.write(record, result, BEFORE_DUE);

    assertThat(VerifySection.verifiedUnitIds(written)).containsExactly("PP-ssl");
    assertThat(VerifySection.verifiedAt(written)).contains(BEFORE_DUE);
    assertThat(VerifySection.closingComment(written, "PP-ssl"))
        .isEqualTo("Verified by Patch Pipeline (targeted): all 1 CVEs were verified fixed");
  }

  @Test
  void recordWithoutSectionHasNoVerdicts() {
    assertThat(VerifySection.verifiedUnitIds(record)).isEmpty();
    assertThat(VerifySection.verifiedAt(record)).isEmpty();
    assertThat(VerifySection.closingComment(record, "PP-ssl"))
        .isEqualTo("Verified by Patch Pipeline");
  }

  @Test
  void summaryListsUnitsAndRemainingCves() {
    Map<String, Object> summary = VerifySummary.toMap(result);

    assertThat(summary.get("outcome")).isEqualTo("UNSTABLE");
    assertThat(summary.get("units")).isEqualTo(2);
    assertThat(summary.get("verified")).isEqualTo(1);
    assertThat(summary.get("open")).isEqualTo(1);
    assertThat(summary.get("verifiedUnits")).isEqualTo(List.of("PP-ssl"));
    assertThat(summary.get("openUnits")).isEqualTo(List.of("PP-curl"));
    assertThat(summary.get("remainingCves")).isEqualTo(List.of("CVE-2024-0003"));
    assertThat(summary.get("unverifiedCves")).isEqualTo(List.of());
    assertThat(List.copyOf(((Map<?, ?>) summary.get("reasons")).keySet()))
        .isEqualTo(List.of("PP-ssl", "PP-curl"));
    assertThat(summary.get("truncated")).isEqualTo(false);
  }

  @Test
  void trendCountsSlaMetOnlyBeforeDueDate() {
    VerifyTrend.Point onTime =
        VerifyTrend.of("#1", VerifySection.write(record, result, BEFORE_DUE));
    VerifyTrend.Point late = VerifyTrend.of("#2", VerifySection.write(record, result, AFTER_DUE));

    assertThat(onTime).isEqualTo(new VerifyTrend.Point("#1", 2, 1, 1));
    assertThat(late).isEqualTo(new VerifyTrend.Point("#2", 2, 1, 0));
  }

  @Test
  void trendSvgEscapesLabelsAndLoadsNothing() {
    String svg = VerifyTrend.svg(List.of(new VerifyTrend.Point("<b>#1</b>", 3, 2, 1)));

    assertThat(svg).startsWith("<svg").endsWith("</svg>");
    assertThat(svg).contains("&lt;b&gt;#1&lt;/b&gt;").doesNotContain("<b>");
    assertThat(svg).doesNotContain("href").doesNotContain("<script");
    assertThat(svg).contains("<title>2 verified</title>");
  }

  @Test
  void trendSvgSaysWhenEmpty() {
    assertThat(VerifyTrend.svg(List.of())).contains("No build has verified units yet.");
  }

  @Test
  void bundlesAreSignedAndCarryNoKey() throws IOException {
    byte[] key = "an-hmac-key-of-32-bytes-for-test".getBytes(StandardCharsets.UTF_8);
    PatchRecord written = VerifySection.write(record, result, BEFORE_DUE);

    Map<String, Path> zips =
        new EvidenceBundles(Optional.of(SigningKeys.signer(key)), List.of())
            .write(
                written,
                folder.resolve("record.json"),
                result,
                List.of(),
                folder.resolve("ev"),
                BEFORE_DUE,
                verdict -> true);

    assertThat(zips).containsOnlyKeys("PP-ssl", "PP-curl");
    for (Path zip : zips.values()) {
      BundleCheck check = EvidenceZip.verify(zip, Optional.of(EvidenceSigner.hmac(key)));
      assertThat(check.problems()).as(zip.toString()).isEmpty();
      assertThat(new String(Files.readAllBytes(zip), StandardCharsets.ISO_8859_1))
          .doesNotContain("an-hmac-key-of-32-bytes-for-test");
    }
  }

  @Test
  void bundlesFollowTheFilter() throws IOException {
    Map<String, Path> zips =
        new EvidenceBundles(Optional.empty(), List.of())
            .write(
                record,
                folder.resolve("record.json"),
                result,
                List.of(),
                folder.resolve("ev"),
                BEFORE_DUE,
                verdict -> verdict.verified());

    assertThat(zips).containsOnlyKeys("PP-ssl");
    assertThat(zips.get("PP-ssl")).hasFileName("PP-ssl.zip").isRegularFile();
  }

  @Test
  void shortHmacKeyIsRejected() {
    assertThatThrownBy(() -> SigningKeys.signer(new byte[8]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16 bytes");
  }

  @Test
  void pemKeyWithoutEndIsRejected() {
    byte[] pem =
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SigningKeys.signer(pem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("END PRIVATE KEY");
  }

  @Test
  void pemKeyWithBadBase64IsRejected() {
    byte[] pem =
        "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SigningKeys.signer(pem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid Base64");
  }

  @Test
  void pemKeySignsWithEd25519() throws Exception {
    java.security.KeyPair pair =
        java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";

    EvidenceSigner signer = SigningKeys.signer(pem.getBytes(StandardCharsets.US_ASCII));
    Map<String, Path> zips =
        new EvidenceBundles(Optional.of(signer), List.of())
            .write(
                record,
                folder.resolve("record.json"),
                result,
                List.of(),
                folder.resolve("ed"),
                BEFORE_DUE,
                verdict -> verdict.verified());

    String publicPem =
        "-----BEGIN PUBLIC KEY-----\n"
            + java.util.Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    EvidenceSigner checker = SigningKeys.signer(publicPem.getBytes(StandardCharsets.US_ASCII));
    assertThat(signer.algorithm()).isEqualTo("Ed25519");
    assertThat(EvidenceZip.verify(zips.get("PP-ssl"), Optional.of(checker)).problems()).isEmpty();
  }
}
