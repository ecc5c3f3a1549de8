package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.patchpipeline.engine.report.PackageKind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubeconfig of a Secret file credential: written for each rollout step under the workspace's
 * {@code @tmp} folder, readable only by its owner, passed to kubectl, and deleted afterwards. A
 * recording {@code kubectl} checks the file while it runs; its content must reach nothing else.
 */
class CanaryDeployKubeconfigTest {
  private static final String SECRET = "kube-secret-token-5b8e1c";
  private static final String KUBECONFIG =
      "apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    token: " + SECRET + "\n";

  @TempDir Path folder;

  private Path workspace;
  private Path calls;
  private Path checks;
  private final TestListener listener = new TestListener();
  private final List<String> lookups = new ArrayList<>();
  private TestRun run;
  private TestStepContext context;

  @BeforeEach
  void setUp() throws Exception {
    workspace = Files.createDirectories(folder.resolve("ws"));
    run = new TestRun(Files.createDirectories(folder.resolve("build")));
    context = DeployFixtures.context(run, listener, workspace);
    DeployFixtures.writeRecord(run, "registry.example.com/shop/web", PackageKind.IMAGE, "1.2.3");
    calls = folder.resolve("calls.txt");
    checks = folder.resolve("checks.txt");
  }

  /** Writes a kubectl that records how it found its kubeconfig, then exits with {@code exit}. */
  private Path kubectl(int exit) throws Exception {
    String inspect =
        "prev=''; for a in \"$@\"; do if [ \"$prev\" = --kubeconfig ]; then cfg=\"$a\"; fi;"
            + " prev=\"$a\"; done\n"
            + "echo \"file=$cfg mode=$(stat -c %a \"$cfg\") folder=$(stat -c %a \"$(dirname \"$cfg\")\")"
            + " env=$([ \"$KUBECONFIG\" = \"$cfg\" ] && echo same || echo other)"
            + " content=$(grep -c "
            + SECRET
            + " \"$cfg\")\" >> '"
            + checks
            + "'\nexit "
            + exit;
    return DeployFixtures.recordingTool(folder, "kubectl", calls, inspect);
  }

  private void plan(Path kubectl, String extra) throws Exception {
    Files.writeString(
        workspace.resolve("plan.yaml"),
        "tool: kubectl\nkubectl:\n  executable: "
            + kubectl
            + "\n  namespace: shop\n"
            + extra
            + "hosts: [web]\n");
  }

  private CanaryDeployExecution execution(String kubeconfigId, String credentialId) {
    return new CanaryDeployExecution(
        context, "plan.yaml", null, kubeconfigId, null, lookup(credentialId));
  }

  @Test
  void kubeconfigPrivateThenDeleted() throws Exception {
    plan(kubectl(0), "");

    execution("kube-prod", "kube-prod").advance();

    assertThat(context.failure()).isNull();
    List<String> seen = Files.readAllLines(checks);
    assertThat(seen).hasSize(2);
    assertThat(seen)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("mode=600", "folder=700", "env=same", "content=1")
                    .contains(workspace + "@tmp/patch-pipeline-kube"));
    assertThat(Files.readAllLines(calls).get(0))
        .startsWith("set image deployment/web --kubeconfig " + workspace + "@tmp/")
        .endsWith("-n shop app=registry.example.com/shop/web:1.2.3");
    Path used = Path.of(seen.get(0).split(" ")[0].substring("file=".length()));
    assertThat(used).doesNotExist();
    assertThat(used.getParent()).doesNotExist();
    assertThat(lookups).containsExactly("kube-prod:FileCredentials");
    assertNoSecretKept();
  }

  @Test
  void kubeconfigDeletedAfterFailedDeployment() throws Exception {
    plan(kubectl(1), "");

    execution("kube-prod", "kube-prod").advance();

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("ROLLED_BACK");
    assertThat(Files.readAllLines(calls)).anyMatch(line -> line.startsWith("rollout undo"));
    assertThat(Files.readAllLines(checks)).allMatch(line -> line.contains("mode=600"));
    assertNoSecretKept();
  }

  @Test
  void planNamesTheCredential() throws Exception {
    plan(kubectl(0), "  kubeconfigCredentialsId: kube-from-plan\n");

    execution(null, "kube-from-plan").advance();

    assertThat(context.failure()).isNull();
    assertThat(lookups).containsExactly("kube-from-plan:FileCredentials");
    assertThat(Files.readAllLines(checks)).allMatch(line -> line.contains("content=1"));
  }

  @Test
  void missingCredentialNamesIdAndType() throws Exception {
    plan(kubectl(0), "");

    execution("kube-typo", "kube-prod").advance();

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("'kube-typo'")
        .hasMessageContaining("FileCredentials");
    assertThat(calls).doesNotExist();
  }

  @Test
  void kubeconfigIdOnAnotherToolFails() throws Exception {
    Files.writeString(
        workspace.resolve("plan.yaml"),
        "tool: chocolatey\nchocolatey:\n  executable: 'true'\nhosts: [localhost]\n");

    execution("kube-prod", "kube-prod").advance();

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("kubeconfigId applies to kubectl, helm and argo-rollouts");
    assertThat(lookups).isEmpty();
  }

  @Test
  void kubeconfigFileModesAndDeletion() throws Exception {
    Path tempDir = folder.resolve("ws@tmp");

    Path file;
    try (KubeconfigFile kubeconfig =
        KubeconfigFile.write(tempDir, KUBECONFIG.getBytes(StandardCharsets.UTF_8))) {
      file = kubeconfig.path();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
          .isEqualTo("rwx------");
      assertThat(Files.readString(file)).isEqualTo(KUBECONFIG);
    }

    assertThat(file).doesNotExist();
    try (Stream<Path> left = Files.list(tempDir)) {
      assertThat(left).isEmpty();
    }
  }

  /** Checks the log, the record, the rollout state, the build action and the agent's files. */
  private void assertNoSecretKept() throws Exception {
    assertThat(listener.text()).doesNotContain(SECRET);
    try (Stream<Path> files = Files.walk(run.getRootDir().toPath())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET);
      }
    }
    DeployAction action = run.getAction(DeployAction.class);
    assertThat(action.getReason()).doesNotContain(SECRET);
    assertThat(action.getWaves())
        .allSatisfy(wave -> assertThat(wave.getDecision()).doesNotContain(SECRET));
    try (Stream<Path> left = Files.list(Path.of(workspace + "@tmp"))) {
      assertThat(left).isEmpty();
    }
    try (Stream<Path> files = Files.walk(workspace)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET);
      }
    }
  }

  private CredentialLookup lookup(String availableId) {
    return new CredentialLookup(
        new CredentialLookup.Finder() {
          @Override
          public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> build) {
            lookups.add(id + ":" + type.getSimpleName());
            SecretFile file = new SecretFile(availableId);
            return id.equals(availableId) && type.isInstance(file) ? type.cast(file) : null;
          }
        });
  }

  /** A Secret file credential as the credentials store returns it. */
  private record SecretFile(String id) implements FileCredentials {
    @Override
    public String getId() {
      return id;
    }

    @Override
    public String getDescription() {
      return "kubeconfig of the production cluster";
    }

    @Override
    public String getFileName() {
      return "kubeconfig.yaml";
    }

    @Override
    public InputStream getContent() {
      return new ByteArrayInputStream(KUBECONFIG.getBytes(StandardCharsets.UTF_8));
    }
  }
}
