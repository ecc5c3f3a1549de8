package io.patchpipeline.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.verify.VerifyOptions.FailureMode;
import io.patchpipeline.engine.verify.VerifyOptions.InventoryInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerifyServiceTest {
  @TempDir Path folder;
  private PatchRecord record;
  private Path dpkg;

  @BeforeEach
  void writeRecordAndInventory() throws IOException {
    UnitFinding openssl =
        Records.finding("f1", "CVE-2024-0001", "openssl", "3.0.9-1", "3.0.11-1~deb12u2", "web1");
    UnitFinding libssl =
        Records.finding("f2", "CVE-2024-0002", "libssl3", "3.0.9-1", "3.0.11-1~deb12u2", "web1");
    UnitFinding curl =
        Records.finding("f3", "CVE-2024-0003", "curl", "7.88.1-10", "7.88.1-10+deb12u5", "web1");
    record =
        Records.record(
            List.of(openssl, libssl, curl),
            List.of(
                Records.unit("PP-ssl", "openssl", List.of(openssl, libssl)),
                Records.unit("PP-curl", "curl", List.of(curl))));
    dpkg =
        Files.writeString(
            folder.resolve("web1-dpkg.txt"),
            "openssl 3.0.11-1~deb12u2\nlibssl3 3.0.11-1~deb12u2\ncurl 7.88.1-10+deb12u4\n");
  }

  private VerifyOptions targeted(FailureMode mode) {
    return new VerifyOptions(
        List.of(new InventoryInput(dpkg, InventoryFormat.DPKG, "web1")),
        List.of(),
        List.of(),
        List.of(),
        mode,
        true);
  }

  @Test
  void verifiesUnitsFromInstalledVersions() throws IOException {
    VerifyResult result = new VerifyService().verify(record, targeted(FailureMode.FAIL));

    assertThat(result.units())
        .extracting(UnitVerdict::unitId, UnitVerdict::verified)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PP-ssl", true),
            org.assertj.core.groups.Tuple.tuple("PP-curl", false));
    assertThat(result.units().get(1).closure().remaining()).containsExactly("CVE-2024-0003");
    assertThat(result.units().get(0).methods()).containsExactly("targeted");
    assertThat(result.outcome()).isEqualTo(VerifyResult.Outcome.FAILED);
    assertThat(result.verifiedUnits()).isEqualTo(1);
    assertThat(result.messages())
        .extracting(Object::toString)
        .contains("Verified 1 of 2 units; 1 still vulnerable, 0 not verified");
  }

  @Test
  void unmatchedOrEmptyInventoryIsWarned() throws IOException {
    Path empty = Files.writeString(folder.resolve("web1-empty.txt"), "");
    VerifyOptions options =
        new VerifyOptions(
            List.of(
                new InventoryInput(dpkg, InventoryFormat.DPKG, "web9"),
                new InventoryInput(empty, InventoryFormat.DPKG, "web1")),
            List.of(),
            List.of(),
            List.of(),
            FailureMode.IGNORE,
            true);

    VerifyResult result = new VerifyService().verify(record, options);

    assertThat(result.messages())
        .extracting(Object::toString)
        .anyMatch(text -> text.contains("host 'web9'") && text.contains("match no asset"));
    assertThat(result.messages())
        .extracting(Object::toString)
        .anyMatch(text -> text.contains("host 'web1'") && text.contains("list no package"));
    assertThat(result.verifiedUnits()).isZero();
  }

  @Test
  void matchingInventoryIsNotWarned() throws IOException {
    VerifyResult result = new VerifyService().verify(record, targeted(FailureMode.IGNORE));

    assertThat(result.messages())
        .extracting(Object::toString)
        .noneMatch(text -> text.contains("Installed versions of host"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"FAIL, FAILED", "UNSTABLE, UNSTABLE", "IGNORE, PASSED"})
  void remainingCveSetsOutcome(FailureMode mode, VerifyResult.Outcome expected) throws IOException {
    assertThat(new VerifyService().verify(record, targeted(mode)).outcome()).isEqualTo(expected);
  }

  @Test
  void unknownHostKeepsUnitOpen() throws IOException {
    Path other = Files.writeString(folder.resolve("web2-dpkg.txt"), "openssl 3.0.11-1~deb12u2\n");
    VerifyOptions options =
        new VerifyOptions(
            List.of(new InventoryInput(other, InventoryFormat.DPKG, "web2")),
            List.of(),
            List.of(),
            List.of(),
            FailureMode.UNSTABLE,
            false);

    VerifyResult result = new VerifyService().verify(record, options);

    assertThat(result.units()).noneMatch(UnitVerdict::verified);
    assertThat(result.units().get(0).closure().unverified())
        .containsExactly("CVE-2024-0001", "CVE-2024-0002");
    assertThat(result.outcome())
        .as("unknown does not count as remaining here")
        .isEqualTo(VerifyResult.Outcome.PASSED);
  }

  @Test
  void optionsNeedAMethod() {
    assertThatThrownBy(
            () ->
                new VerifyOptions(
                    List.of(), List.of(), List.of(), List.of(), FailureMode.FAIL, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Nothing to verify");
    assertThatThrownBy(() -> new InventoryInput(dpkg, InventoryFormat.DPKG, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs the name of its host");
  }

  @Test
  void stillVulnerableFromEitherMethodWins() {
    FindingVerification fixed =
        new FindingVerification(
            "f", "C", "p", "h", VerificationStatus.FIXED, "targeted", "", "", "", "");
    FindingVerification still =
        new FindingVerification(
            "f", "C", "p", "h", VerificationStatus.STILL_VULNERABLE, "rescan", "", "", "", "");
    FindingVerification unknown =
        new FindingVerification(
            "f", "C", "p", "h", VerificationStatus.UNKNOWN, "rescan", "", "", "", "");

    assertThat(VerifyService.combine(List.of(fixed, still)).status())
        .isEqualTo(VerificationStatus.STILL_VULNERABLE);
    assertThat(VerifyService.combine(List.of(unknown, fixed)).status())
        .isEqualTo(VerificationStatus.FIXED);
    assertThat(VerifyService.combine(List.of(unknown)).status())
        .isEqualTo(VerificationStatus.UNKNOWN);
  }
}
