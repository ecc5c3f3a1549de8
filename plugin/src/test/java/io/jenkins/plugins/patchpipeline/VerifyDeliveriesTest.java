package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.sun.net.httpserver.HttpServer;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.patchpipeline.engine.evidence.s3.FakeS3;
import io.patchpipeline.engine.ledger.LedgerOptions;
import io.patchpipeline.engine.verify.vm.FakeDefectDojo;
import io.patchpipeline.engine.verify.vm.WebhookNotifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code verifyCve} with DefectDojo, a signed webhook and S3-compatible storage, each a server
 * on 127.0.0.1 that checks its credentials: the DefectDojo token, the webhook's HMAC signature and
 * the S3 request's SigV4 signature.
 */
class VerifyDeliveriesTest {
  private static final String HOOK_SECRET = "Wh5-distinctive-webhook-secret-7Pk";

  @TempDir Path workspace;
  @TempDir Path buildDir;
  @TempDir Path ledgerDir;

  private final TestListener listener = new TestListener();
  private TestRun run;
  private TestStepContext context;
  private String scannedTargets;
  private FakeDefectDojo dojo;
  private FakeS3 s3;
  private HttpServer hook;
  private final List<String> hookBodies = Collections.synchronizedList(new ArrayList<>());
  private final List<String> hookSignatures = Collections.synchronizedList(new ArrayList<>());
  private volatile int hookStatus = 204;

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
    dojo = new FakeDefectDojo();
    dojo.add(7, "CVE-2024-5535", "openssl", true);
    s3 = new FakeS3();
    hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hook.createContext(
        "/hook",
        exchange -> {
          hookBodies.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          hookSignatures.add(
              String.valueOf(
                  exchange.getRequestHeaders().getFirst(WebhookNotifier.SIGNATURE_HEADER)));
          exchange.sendResponseHeaders(hookStatus, -1);
          exchange.close();
        });
    hook.start();
  }

  @AfterEach
  void stopServers() {
    dojo.close();
    s3.close();
    hook.stop(0);
  }

  private VerifyCveStep step() throws IOException {
    VerifyExecutionTest.writeRescan(workspace, true, true);
    VerifyCveStep step = new VerifyCveStep();
    step.setRescan("after/*.json");
    step.setScannedTargets(scannedTargets);
    step.setDefectDojoUrl(dojo.base().toString());
    step.setDefectDojoCredentialsId("dojo-key");
    step.setWebhookUrl("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
    step.setWebhookCredentialsId("hook-secret");
    return step;
  }

  private Map<String, Object> verify(VerifyCveStep step) throws Exception {
    LedgerHook ledger =
        new LedgerHook(() -> LedgerOptions.h2(ledgerDir.resolve("ledger")), Clock.systemUTC());
    return new VerifyExecution(
            step,
            context,
            new TicketStage(List.of(), CredentialLookup.store()),
            new CredentialLookup(new Store()),
            ledger,
            () -> null)
        .run();
  }

  @Test
  void findingMitigatedAndSignedWebhookPosted() throws Exception {
    Map<String, Object> value = verify(step());

    assertThat(value.get("verified")).isEqualTo(2);
    assertThat(dojo.findings.get(7L).get("is_mitigated").asBoolean()).isTrue();
    assertThat(dojo.findings.get(7L).get("active").asBoolean()).isFalse();
    assertThat(hookBodies).hasSize(2);
    for (int i = 0; i < hookBodies.size(); i++) {
      assertThat(
              WebhookNotifier.isValid(
                  HOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                  hookBodies.get(i).getBytes(StandardCharsets.UTF_8),
                  hookSignatures.get(i)))
          .isTrue();
    }
    assertThat(hookBodies.get(0)).contains("\"event\" : \"unit.verified\"");
    assertThat(run.result()).isNull();
    assertThat(listener.text()).contains("defectdojo: marked 1 finding(s) mitigated");
    assertNoSecret(value);
  }

  @Test
  void bundlesReachS3WithSigV4() throws Exception {
    VerifyCveStep step = step();
    step.setEvidenceStore("s3://evidence/builds/42");
    step.setS3Endpoint(s3.endpoint().toString());
    step.setS3Region(FakeS3.REGION);
    step.setS3CredentialsId("s3-key");

    Map<String, Object> value = verify(step);

    assertThat(run.result()).isNull();
    assertThat(s3.objects).isNotEmpty();
    assertThat(s3.objects.keySet()).allMatch(key -> key.startsWith("evidence/builds/42/"));
    assertThat(listener.text()).contains("evidence store: uploaded s3://evidence/builds/42/");
    assertNoSecret(value);
  }

  @Test
  void failedDeliveriesMarkUnstable() throws Exception {
    hookStatus = 500;
    VerifyCveStep step = step();
    step.setEvidenceStore("s3://evidence/builds/42");
    step.setS3Endpoint(s3.endpoint().toString());
    step.setS3Region(FakeS3.REGION);
    step.setS3CredentialsId("s3-wrong");

    Map<String, Object> value = verify(step);

    assertThat(value.get("verified")).isEqualTo(2);
    assertThat(run.result()).isSameAs(Result.UNSTABLE);
    assertThat(s3.objects).isEmpty();
    assertThat(listener.text())
        .contains("delivery failed:")
        .contains("webhook:")
        .contains("evidence store:")
        .contains("marking the build unstable");
    assertNoSecret(value);
  }

  @Test
  void bundleWithASecretIsRejected() throws Exception {
    VerifyCveStep step = step();
    Path rescan = workspace.resolve("after/trivy-web.json");
    Files.writeString(
        rescan,
        Files.readString(rescan)
            .replace("registry.example.com/shop/web:2.0.0\"", HOOK_SECRET + "\""));

    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> verify(step));

    assertThat(failure).hasMessageContaining("contains a secret");
    assertThat(failure.getMessage()).doesNotContain(HOOK_SECRET);
    assertThat(hookBodies).isEmpty();
    assertThat(listener.text()).doesNotContain(HOOK_SECRET);
  }

  private void assertNoSecret(Map<String, Object> value) throws IOException {
    StringBuilder all = new StringBuilder(listener.text()).append(value);
    for (Path root : List.of(buildDir, workspace)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
      }
    }
    assertThat(all.toString())
        .doesNotContain(HOOK_SECRET)
        .doesNotContain(FakeDefectDojo.TOKEN)
        .doesNotContain(FakeS3.SECRET_KEY);
  }

  /** The credentials store: the DefectDojo key, the webhook secret and two S3 keys. */
  private static final class Store implements CredentialLookup.Finder {
    @Override
    public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> run) {
      Object credential =
          switch (id) {
            case "dojo-key" -> text(id, FakeDefectDojo.TOKEN);
            case "hook-secret" -> text(id, HOOK_SECRET);
            case "s3-key" -> usernamePassword(id, FakeS3.SECRET_KEY);
            case "s3-wrong" -> usernamePassword(id, "not-the-secret-key-0000");
            default -> null;
          };
      return type.isInstance(credential) ? type.cast(credential) : null;
    }

    private static StringCredentials text(String id, String secret) {
      return new StringCredentials() {
        @Override
        public String getId() {
          return id;
        }

        @Override
        public String getDescription() {
          return id;
        }

        @Override
        public Secret getSecret() {
          return Secret.fromString(secret);
        }
      };
    }

    private static StandardUsernamePasswordCredentials usernamePassword(String id, String secret) {
      return new StandardUsernamePasswordCredentials() {
        @Override
        public String getId() {
          return id;
        }

        @Override
        public String getDescription() {
          return id;
        }

        @Override
        public String getUsername() {
          return FakeS3.ACCESS_KEY;
        }

        @Override
        public Secret getPassword() {
          return Secret.fromString(secret);
        }
      };
    }
  }
}
