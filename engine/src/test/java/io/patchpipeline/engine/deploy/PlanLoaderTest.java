package io.patchpipeline.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.deploy.tool.Deployer;
import io.patchpipeline.engine.deploy.tool.DeployerFactory;
import io.patchpipeline.engine.deploy.tool.KubernetesSettings;
import io.patchpipeline.engine.deploy.tool.LocalCommandRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlanLoaderTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "plans");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ansible-canary.yaml", "ansible-serial.yaml", "kernel-staging.yaml", "helm.yaml",
            "kubectl.yaml",
        "argo-rollouts.yaml", "windows-chocolatey.yaml", "windows-update.yaml", "intune-rings.yaml",
            "emergency.yaml"
      })
  void examplePlansLoadAndBuildTheirDeployer(String name) throws IOException {
    DeployPlan plan = PlanLoader.load(EXAMPLES.resolve(name));

    Deployer deployer =
        DeployerFactory.create(
            plan,
            new DeployerFactory.Context(
                EXAMPLES, new LocalCommandRunner(), Optional.empty(), Map.of(), Optional.empty()));

    assertThat(deployer.tool()).isEqualTo(plan.tool());
    assertThat(plan.waves()).isNotEmpty();
  }

  @Test
  void jenkinsOnlyExamplePlansLoad() throws IOException {
    DeployPlan block = PlanLoader.load(EXAMPLES.resolve("block.yaml"));
    DeployPlan kubectl = PlanLoader.load(EXAMPLES.resolve("kubectl.yaml"));

    Deployer deployer =
        DeployerFactory.create(
            block,
            new DeployerFactory.Context(
                EXAMPLES,
                new LocalCommandRunner(),
                Optional.empty(),
                Map.of(),
                Optional.of((request, rollback) -> Optional.empty())));

    assertThat(deployer.tool()).isEqualTo("block");
    assertThat(block.staging()).isPresent();
    assertThat(block.health().noData()).isEqualTo(NoDataPolicy.INCONCLUSIVE);
    assertThat(KubernetesSettings.credentialsId(kubectl)).contains("kube-payments");
  }

  @Test
  void canaryExampleReadsEveryPart() throws IOException {
    DeployPlan plan = PlanLoader.load(EXAMPLES.resolve("ansible-canary.yaml"));

    assertThat(plan.waves())
        .containsExactly(WaveSize.percent(10), WaveSize.percent(50), WaveSize.percent(100));
    assertThat(plan.serial()).isFalse();
    assertThat(plan.hold()).isEqualTo(Duration.ofMinutes(30));
    assertThat(plan.staging().orElseThrow().smoke().orElseThrow().junitReport())
        .contains("smoke/results.xml");
    assertThat(plan.health().checks())
        .extracting(HealthCheckSpec::type)
        .containsExactly("http", "prometheus");
    assertThat(plan.health().checks().get(0).maxLatency()).isEqualTo(Duration.ofMillis(800));
    assertThat(plan.health().noData()).isEqualTo(NoDataPolicy.INCONCLUSIVE);
    assertThat(plan.budget().overall()).isEqualTo(WaveSize.percent(5));
    assertThat(plan.cveGate()).isTrue();
  }

  @Test
  void kernelExampleHasRebootCycle() throws IOException {
    RebootCycle reboot =
        PlanLoader.load(EXAMPLES.resolve("kernel-staging.yaml"))
            .staging()
            .orElseThrow()
            .reboot()
            .orElseThrow();

    assertThat(reboot.deadline()).isEqualTo(Duration.ofMinutes(15));
    assertThat(reboot.runningKernel()).containsExactly("ssh", "{host}", "uname", "-r");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "waves: ['10%']|/tool|missing",
        "tool: puppet|/tool|unknown tool 'puppet'",
        "tool: ansible\\nwaves: ['150%']|/waves/0|percentage above 100%",
        "tool: ansible\\nwaves: [ten]|/waves/0|invalid size 'ten'",
        "tool: ansible\\nwaves: [0]|/waves/0|at least one host",
        "tool: ansible\\nwaves: ['10%']\\nserial: 1|/serial|not both",
        "tool: ansible\\nhosts: ['web1;reboot']|/hosts/0|invalid host",
        "tool: ansible\\nhosts: [web1, web1]|/hosts|host 'web1' is listed twice",
        "tool: ansible\\nhosts: [web1, WEB1]|/hosts|host 'WEB1' is listed twice",
        "tool: ansible\\nhold: soon|/hold|invalid duration 'soon'",
        "tool: ansible\\nonFailure: panic|/onFailure|expected one of [rollback, freeze]",
        "tool: ansible\\nhealth:\\n  checks:\\n    - name: x|/health/checks/0|exactly one of http, command or prometheus",
        "tool: ansible\\nhealth:\\n  checks:\\n    - prometheus: http://p:9090\\n      query: up|/health/checks/0/max|min or max",
        "tool: ansible\\nhealth:\\n  checks:\\n    - http: ftp://host/|/health/checks/0/http|http or https URL",
        "tool: ansible\\nhealth:\\n  minSamples: 0|/health/minSamples|from 1 to",
        "tool: ansible\\nstaging:\\n  smoke:\\n    command: [x]|/staging/hosts|at least one host",
        "tool: ansible\\nstaging:\\n  hosts: [s1]\\n  reboot:\\n    reboot: [x]|/staging/reboot/probe|missing",
        "tool: ansible\\ncveGate: maybe|/cveGate|true or false",
        "tool: ansible\\ncveGat: true|/cveGat|unknown key 'cveGat'",
        "tool: ansible\\nonFailre: freeze|/onFailre|unknown key 'onFailre'",
        "tool: ansible\\nhelth:\\n  interval: 1m|/helth|unknown key 'helth'",
        "tool: ansible\\nfailureBudget:\\n  perwave: 50%|/failureBudget/perwave|unknown key",
        "tool: ansible\\nhealth:\\n  checks:\\n    - http: http://h/\\n      expectStatuss: 204|/health/checks/0/expectStatuss|unknown key",
        "tool: ansible\\nstaging:\\n  hosts: [s1]\\n  smoke:\\n    command: [x]\\n    timout: 1m|/staging/smoke/timout|unknown key",
        "tool: ansible\\ntool: kubectl|line 2|Duplicate field 'tool'"
      })
  void invalidPlansNameTheKey(String yaml, String pointer, String problem) {
    assertThatThrownBy(() -> WavePlannerTest.plan(yaml.replace("\\n", "\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("plan.yaml (" + pointer)
        .hasMessageContaining(problem);
  }

  @Test
  void toolSectionErrorsNameTheKey() throws IOException {
    DeployPlan helm = WavePlannerTest.plan("tool: helm\nhelm:\n  namespace: Shop\n");
    DeployPlan intune =
        WavePlannerTest.plan(
            "tool: intune\nintune:\n  mode: expedite\n  rings: {dev: {configurationId: a, groupId: b}}\n");
    DeployPlan block = WavePlannerTest.plan("tool: block\n");
    DeployerFactory.Context context =
        new DeployerFactory.Context(
            Path.of("."), new LocalCommandRunner(), Optional.empty(), Map.of(), Optional.empty());

    assertThatThrownBy(() -> DeployerFactory.create(helm, context))
        .hasMessageContaining("invalid Kubernetes name 'Shop'");
    assertThatThrownBy(() -> DeployerFactory.create(intune, context))
        .hasMessageContaining("(/intune/qualityUpdateRelease)");
    assertThatThrownBy(() -> DeployerFactory.create(block, context))
        .hasMessageContaining("Jenkins canaryDeploy step");
  }

  @Test
  void missingPlanFileIsAnInputError() {
    assertThatThrownBy(() -> PlanLoader.load(Path.of("no-such-plan.yaml")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("plan not found");
  }
}
