package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.patchpipeline.engine.evidence.EvidenceSigner;
import io.patchpipeline.engine.evidence.EvidenceZip;
import io.patchpipeline.engine.ledger.EventType;
import io.patchpipeline.engine.ledger.Ledger;
import io.patchpipeline.engine.ledger.LedgerEvent;
import io.patchpipeline.engine.ledger.LedgerOptions;
import io.patchpipeline.engine.service.VerifySection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code patchDetect} on a small Trivy report and then {@code verifyCve} on re-scans and
 * installed-version files in the same build, with the real engine, a ledger in H2 and the build's
 * artifact folder.
 */
class VerifyExecutionTest {
  static final String OPENSSL_TARGET = "registry.example.com/shop/web:2.0.0 (debian 12.5)";
  private static final String KEY = "Kp4-distinctive-evidence-key-9Qz";

  @TempDir Path workspace;
  @TempDir Path buildDir;
  @TempDir Path ledgerDir;

  private final TestListener listener = new TestListener();
  private TestRun run;
  private TestStepContext context;
  private String scannedTargets;

  @BeforeEach
  void detect() throws Exception {
    Path report = workspace.resolve("scans/trivy-web.json");
    Files.createDirectories(report.getParent());
    try (InputStream in = getClass().getResourceAsStream("/workspace/scans/trivy-web.json")) {
      Files.copy(in, report);
    }
    run = new TestRun(buildDir);
    context =
        new TestStepContext()
            .with(Run.class, run)
            .with(TaskListener.class, listener)
            .with(FilePath.class, new FilePath(workspace.toFile()))
            .with(Launcher.class, null);
    new DetectExecution(new PatchDetectStep("scans/trivy-web.json"), context, FeedDefaults.NONE)
        .start();
    assertThat(context.failure()).isNull();
    scannedTargets =
        String.join(
            ",",
            BuildRecords.read(run).findings().stream()
                .flatMap(finding -> finding.targets().stream())
                .distinct()
                .toList());
  }

  /** Writes a Trivy re-scan of both targets, leaving out each CVE whose flag is true. */
  static void writeRescan(Path workspace, boolean opensslFixed, boolean log4jFixed)
      throws IOException {
    String openssl =
        "{\"VulnerabilityID\":\"CVE-2024-5535\",\"PkgName\":\"openssl\","
            + "\"InstalledVersion\":\"3.0.11-1~deb12u2\",\"FixedVersion\":\"3.0.14-1~deb12u1\","
            + "\"Severity\":\"MEDIUM\"}";
    String log4j =
        "{\"VulnerabilityID\":\"CVE-2021-44228\",\"PkgName\":\"org.apache.logging.log4j:log4j-core\","
            + "\"InstalledVersion\":\"2.14.1\",\"FixedVersion\":\"2.15.0\",\"Severity\":\"CRITICAL\"}";
    String json =
        "{\"SchemaVersion\":2,\"ArtifactName\":\"registry.example.com/shop/web:2.0.0\","
            + "\"ArtifactType\":\"container_image\",\"Results\":["
            + "{\"Target\":\""
            + OPENSSL_TARGET
            + "\",\"Class\":\"os-pkgs\",\"Type\":\"debian\",\"Vulnerabilities\":["
            + (opensslFixed ? "" : openssl)
            + "]},{\"Target\":\"app/lib\",\"Class\":\"lang-pkgs\",\"Type\":\"jar\","
            + "\"Vulnerabilities\":["
            + (log4jFixed ? "" : log4j)
            + "]}]}";
    Path file = workspace.resolve("after/trivy-web.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
  }

  private VerifyExecution execution(VerifyCveStep step, TicketStage tickets) throws Exception {
    LedgerHook ledger =
        new LedgerHook(() -> LedgerOptions.h2(ledgerDir.resolve("ledger")), Clock.systemUTC());
    return new VerifyExecution(
        step, context, tickets, new CredentialLookup(new SigningKeyStore()), ledger);
  }

  private Map<String, Object> verify(VerifyCveStep step) throws Exception {
    return execution(step, new TicketStage(List.of(), CredentialLookup.store())).run();
  }

  private VerifyCveStep rescan(String onRemaining) {
    VerifyCveStep step = new VerifyCveStep();
    step.setRescan("after/*.json");
    step.setScannedTargets(scannedTargets);
    step.setOnRemaining(onRemaining);
    return step;
  }

  @Test
  void remainingCveFailsAfterRecordingEverything() throws Exception {
    writeRescan(workspace, true, false);

    AbortException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            AbortException.class, () -> verify(rescan(null)));

    assertThat(failure).hasMessageContaining("1 remediation units are not verified");
    assertThat(VerifySection.verifiedUnitIds(BuildRecords.read(run))).hasSize(1);
    assertThat(run.getAction(VerifyAction.class).getVerified()).isEqualTo(1);
    assertThat(archivedBundles()).hasSize(2);
  }

  @Test
  void unstableMarksTheBuildAndReturnsTheSummary() throws Exception {
    writeRescan(workspace, true, false);

    Map<String, Object> value = verify(rescan("unstable"));

    assertThat(run.result()).isSameAs(Result.UNSTABLE);
    assertThat(value.get("outcome")).isEqualTo("UNSTABLE");
    assertThat(value.get("units")).isEqualTo(2);
    assertThat(value.get("verified")).isEqualTo(1);
    assertThat(value.get("remainingCves")).isEqualTo(List.of("CVE-2021-44228"));
    assertThat(value.get("recordFile")).isEqualTo(BuildRecords.RECORD_FILE);
    assertThat((List<?>) value.get("bundles")).hasSize(2);
    assertThat(listener.text()).contains("marking the build unstable");
    DetectCallableTest.assertPlain(value);
  }

  @Test
  void everyCveGonePassesWithoutResult() throws Exception {
    writeRescan(workspace, true, true);

    Map<String, Object> value = verify(rescan("unstable"));

    assertThat(value.get("outcome")).isEqualTo("PASSED");
    assertThat(value.get("verified")).isEqualTo(2);
    assertThat(value.get("openUnits")).isEqualTo(List.of());
    assertThat(run.result()).isNull();
  }

  @Test
  void cleanTargetNotNamedStaysUnverified() throws Exception {
    writeRescan(workspace, true, true);
    VerifyCveStep step = rescan("unstable");
    step.setScannedTargets(null);

    Map<String, Object> value = verify(step);

    assertThat(value.get("verified")).isEqualTo(0);
    assertThat(run.result()).isSameAs(Result.UNSTABLE);
  }

  @Test
  void ignoreOnlyReports() throws Exception {
    writeRescan(workspace, false, false);

    Map<String, Object> value = verify(rescan("ignore"));

    assertThat(value.get("verified")).isEqualTo(0);
    assertThat(value.get("outcome")).isEqualTo("PASSED");
    assertThat(run.result()).isNull();
  }

  @Test
  void unreportedHostIsNeverFixed() throws Exception {
    Path facts = workspace.resolve("facts/other-host.dpkg.txt");
    Files.createDirectories(facts.getParent());
    Files.writeString(facts, "openssl 3.0.14-1~deb12u1\n");
    VerifyCveStep step = new VerifyCveStep();
    step.setInstalled("facts/*.txt");
    step.setOnRemaining("unstable");

    Map<String, Object> value = verify(step);

    assertThat(value.get("verified")).isEqualTo(0);
    assertThat(new java.util.TreeSet<Object>((List<?>) value.get("unverifiedCves")))
        .containsExactly("CVE-2021-44228", "CVE-2024-5535");
  }

  @Test
  void bundlesAreArtifactsSignedWithoutTheKey() throws Exception {
    writeRescan(workspace, true, true);
    VerifyCveStep step = rescan(null);
    step.setSigningKeyId("evidence-key");

    verify(step);

    List<Path> zips = archivedBundles();
    assertThat(zips).hasSize(2);
    for (Path zip : zips) {
      EvidenceSigner checker = EvidenceSigner.hmac(KEY.getBytes(StandardCharsets.UTF_8));
      assertThat(EvidenceZip.verify(zip, Optional.of(checker)).signatureVerified()).isTrue();
    }
    assertThat(everythingWritten()).contains("Patch Pipeline:").doesNotContain(KEY);
  }

  @Test
  void evidenceFolderKeepsBundlesOutOfArtifacts() throws Exception {
    writeRescan(workspace, true, true);
    VerifyCveStep step = rescan(null);
    step.setEvidenceFolder("audit");

    Map<String, Object> value = verify(step);

    assertThat(archivedBundles()).isEmpty();
    for (Object bundle : (List<?>) value.get("bundles")) {
      assertThat(Path.of((String) bundle)).startsWith(workspace.resolve("audit")).isRegularFile();
    }
  }

  @Test
  void ledgerGetsVerifiedAndClosedEvents() throws Exception {
    writeRescan(workspace, true, false);

    verify(rescan("unstable"));

    try (Ledger ledger = Ledger.open(LedgerOptions.h2(ledgerDir.resolve("ledger")))) {
      assertThat(ledger.units()).hasSize(2);
      String verified = VerifySection.verifiedUnitIds(BuildRecords.read(run)).get(0);
      List<EventType> types = ledger.events(verified).stream().map(LedgerEvent::type).toList();
      assertThat(types).contains(EventType.DETECTED, EventType.VERIFIED, EventType.CLOSED);
      assertThat(ledger.events(verified).get(0).runId()).isEqualTo("test-job#1");
    }
    assertThat(listener.text()).contains("SLA ledger:");
  }

  @Test
  void unreachableLedgerWarnsButKeepsTheResult() throws Exception {
    writeRescan(workspace, true, true);
    LedgerHook broken =
        new LedgerHook(
            () ->
                new LedgerOptions(
                    "jdbc:postgresql://127.0.0.1:1/ledger?password=pw-9", "u", "pw-9"),
            Clock.systemUTC());

    Map<String, Object> value =
        new VerifyExecution(
                rescan(null),
                context,
                new TicketStage(List.of(), CredentialLookup.store()),
                new CredentialLookup(new SigningKeyStore()),
                broken)
            .run();

    assertThat(value.get("outcome")).isEqualTo("PASSED");
    assertThat(listener.text()).contains("the SLA ledger was not updated").doesNotContain("pw-9");
  }

  @Test
  void withoutRecordTheStepAsksForPatchDetect() throws Exception {
    Files.delete(BuildRecords.file(run));
    writeRescan(workspace, true, true);

    AbortException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            AbortException.class, () -> verify(rescan(null)));

    assertThat(failure).hasMessageContaining("run patchDetect before verifyCve");
  }

  @Test
  void missingReportFailsNamingThePattern() throws Exception {
    AbortException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            AbortException.class, () -> verify(rescan(null)));

    assertThat(failure).hasMessageContaining("after/*.json");
  }

  private List<Path> archivedBundles() throws IOException {
    Path archive = buildDir.resolve("archive").resolve(VerifySettings.ARTIFACT_FOLDER);
    if (!Files.isDirectory(archive)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(archive)) {
      return files.filter(f -> f.toString().endsWith(".zip")).sorted().toList();
    }
  }

  /** Returns the log and every file under the build and the workspace, zips decoded as Latin-1. */
  private String everythingWritten() throws IOException {
    StringBuilder all = new StringBuilder(listener.text());
    for (Path root : List.of(buildDir, workspace)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
      }
    }
    return all.toString();
  }

  /** The credentials store with one Secret file credential, {@code evidence-key}. */
  static final class SigningKeyStore implements CredentialLookup.Finder {
    @Override
    public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> run) {
      FileCredentials key =
          new FileCredentials() {
            @Override
            public String getId() {
              return "evidence-key";
            }

            @Override
            public String getDescription() {
              return "evidence signing key";
            }

            @Override
            public String getFileName() {
              return "evidence.key";
            }

            @Override
            public InputStream getContent() {
              return new ByteArrayInputStream(KEY.getBytes(StandardCharsets.UTF_8));
            }
          };
      return id.equals(key.getId()) && type.isInstance(key) ? type.cast(key) : null;
    }
  }
}
