package io.patchpipeline.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavePlannerTest {
  static DeployPlan plan(String yaml) throws IOException {
    return PlanLoader.load(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "plan.yaml");
  }

  static List<String> hosts(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "web" + i).toList();
  }

  private static List<Integer> sizes(List<Wave> waves) {
    return waves.stream().map(wave -> wave.hosts().size()).toList();
  }

  @ParameterizedTest(name = "{0} of {1} hosts is {2}")
  @CsvSource({
    "10%, 8, 1",
    "10%, 9, 1",
    "10%, 10, 1",
    "25%, 8, 2",
    "25%, 7, 1",
    "50%, 5, 2",
    "100%, 8, 8",
    "1%, 3, 1",
    "3, 8, 3",
    "12, 8, 8",
    "10%, 0, 0"
  })
  void percentagesRoundDownWithMinimumOne(String size, int total, int expected) throws IOException {
    WaveSize parsed = plan("tool: ansible\nserial: '" + size + "'\n").waves().get(0);

    assertThat(parsed.resolve(total)).isEqualTo(expected);
  }

  @Test
  void cumulativeWavesCoverTheirShare() throws IOException {
    DeployPlan plan = plan("tool: ansible\nwaves: ['10%', '50%', '100%']\n");

    List<Wave> waves = WavePlanner.plan(plan, hosts(8), false);

    assertThat(sizes(waves)).containsExactly(1, 3, 4);
    assertThat(waves.get(0).hosts()).containsExactly("web1");
    assertThat(waves.get(2).hosts()).containsExactly("web5", "web6", "web7", "web8");
    assertThat(waves).extracting(Wave::name).containsExactly("wave 1", "wave 2", "wave 3");
  }

  @Test
  void cumulativeWavesThatAddNoHostAreDropped() throws IOException {
    DeployPlan plan = plan("tool: ansible\nwaves: ['10%', '12%', '100%']\n");

    assertThat(sizes(WavePlanner.plan(plan, hosts(8), false))).containsExactly(1, 7);
  }

  @Test
  void cumulativeWavesMustEndAtAllHosts() throws IOException {
    DeployPlan plan = plan("tool: ansible\nwaves: ['10%', '50%']\n");

    assertThatThrownBy(() -> WavePlanner.plan(plan, hosts(8), false))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("covers 4 of 8 hosts");
  }

  @ParameterizedTest(name = "serial {0} on {1} hosts")
  @CsvSource(
      delimiter = ';',
      value = {
        "'25%'; 8; 2,2,2,2",
        "'30%'; 8; 2,2,2,2",
        "[1, '25%']; 8; 1,2,2,2,1",
        "3; 8; 3,3,2",
        "[1, 2, '100%']; 8; 1,2,5",
        "'10%'; 3; 1,1,1"
      })
  void serialRepeatsTheLastBatchSizeAsAnsibleDoes(String serial, int total, String expected)
      throws IOException {
    DeployPlan plan = plan("tool: ansible\nserial: " + serial + "\n");

    List<Integer> sizes = sizes(WavePlanner.plan(plan, hosts(total), false));

    assertThat(sizes)
        .containsExactlyElementsOf(
            java.util.Arrays.stream(expected.split(",")).map(Integer::valueOf).toList());
  }

  @Test
  void stagingComesFirstAndIsNotRepeated() throws IOException {
    DeployPlan plan = plan("tool: ansible\nstaging:\n  hosts: [web1]\nwaves: ['50%', '100%']\n");

    List<Wave> waves = WavePlanner.plan(plan, hosts(5), false);

    assertThat(waves.get(0).kind()).isEqualTo(Wave.Kind.STAGING);
    assertThat(waves.get(0).hosts()).containsExactly("web1");
    assertThat(sizes(waves)).containsExactly(1, 2, 2);
    assertThat(waves.get(1).hosts()).doesNotContain("web1");
  }

  @Test
  void emergencySkipsCanaryButKeepsStaging() throws IOException {
    DeployPlan plan = plan("tool: ansible\nstaging:\n  hosts: [web1]\nwaves: ['10%', '100%']\n");

    List<Wave> waves = WavePlanner.plan(plan, hosts(8), true);

    assertThat(waves)
        .extracting(Wave::kind)
        .containsExactly(Wave.Kind.STAGING, Wave.Kind.EMERGENCY);
    assertThat(waves.get(1).hosts()).hasSize(7);
  }

  @Test
  void noHostsIsAnError() throws IOException {
    DeployPlan plan = plan("tool: ansible\n");

    assertThatThrownBy(() -> WavePlanner.plan(plan, List.of(), false))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no hosts");
  }

  @ParameterizedTest(name = "{0} failed of {1} against {2}: {3}")
  @CsvSource({
    "0, 4, 0%, false", "1, 4, 0%, true", "1, 4, 25%, false", "2, 4, 25%, true", "2, 4, 50%, false",
    "3, 4, 50%, true", "1, 8, 10%, true", "1, 10, 10%, false", "2, 8, 1, true", "1, 8, 1, false"
  })
  void budgetIsExceededOnlyAboveTheLimit(int failed, int hosts, String budget, boolean exceeded)
      throws IOException {
    DeployPlan plan = plan("tool: ansible\nfailureBudget:\n  perWave: '" + budget + "'\n");

    assertThat(plan.budget().waveExceeded(failed, hosts)).isEqualTo(exceeded);
    assertThat(plan.budget().overallExceeded(failed, hosts)).isEqualTo(exceeded);
  }
}
