package io.patchpipeline.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.deploy.health.HealthProbe;
import io.patchpipeline.engine.deploy.health.Sample;
import io.patchpipeline.engine.deploy.tool.DeployItem;
import io.patchpipeline.engine.deploy.tool.LocalCommandRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutEngineTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final String PLAN =
      "tool: ansible\nwaves: ['25%', '50%', '100%']\nhold: 30m\n"
          + "health:\n  interval: 5m\n  minSamples: 3\n  checks:\n    - name: web\n      http: http://127.0.0.1:1/\n";
  private static final List<DeployItem> ITEMS =
      List.of(
          new DeployItem(
              "PP-1",
              "openssl",
              "3.0.13-1~deb12u1",
              "3.0.11-1~deb12u2",
              "OS",
              List.of("CVE-2024-0727")));

  @TempDir Path folder;

  private final FakeClock clock = new FakeClock(START);
  private final List<String> progress = new ArrayList<>();

  /** A probe whose outcome the test sets and which counts its samples. */
  static final class ScriptedProbe implements HealthProbe {
    volatile Sample.Outcome outcome = Sample.Outcome.PASS;
    final AtomicInteger samples = new AtomicInteger();

    @Override
    public String name() {
      return "web";
    }

    @Override
    public Sample sample(List<String> hosts, Instant at) {
      samples.incrementAndGet();
      return new Sample("web", at, outcome, 1.0, outcome.name());
    }
  }

  private RolloutEngine engine(
      DeployPlan plan, FakeDeployer deployer, HealthProbe probe, StateStore store) {
    return new RolloutEngine(
        new RolloutContext(
            plan,
            deployer,
            ITEMS,
            probe == null ? List.of() : List.of(probe),
            Optional.empty(),
            new LocalCommandRunner(),
            folder,
            store,
            clock,
            clock.sleeper(),
            progress::add));
  }

  private static RolloutState start(DeployPlan plan, int hosts) {
    return RolloutState.start(
        "hash",
        List.of("PP-1"),
        WavePlanner.plan(plan, WavePlannerTest.hosts(hosts), false),
        START);
  }

  /** A store that keeps the JSON of every saved state, as a state file would. */
  static final class JsonStore implements StateStore {
    final List<String> saved = new ArrayList<>();

    @Override
    public void save(RolloutState state) throws IOException {
      saved.add(Json.mapper().writeValueAsString(state));
    }

    RolloutState last() throws IOException {
      return Json.mapper().readValue(saved.get(saved.size() - 1), RolloutState.class);
    }
  }

  @Test
  void healthyRolloutRunsEveryWaveAfterItsHold() throws Exception {
    DeployPlan plan = WavePlannerTest.plan(PLAN);
    FakeDeployer deployer = new FakeDeployer(clock, Set.of());
    ScriptedProbe probe = new ScriptedProbe();

    RolloutState end = engine(plan, deployer, probe, new JsonStore()).run(start(plan, 8));

    assertThat(end.status()).isEqualTo(RolloutState.Status.SUCCEEDED);
    assertThat(deployer.waves("deploy")).containsExactly("wave 1", "wave 2", "wave 3");
    assertThat(deployer.calls.get(1).at()).isEqualTo(START.plus(Duration.ofMinutes(30)));
    assertThat(deployer.calls.get(2).at()).isEqualTo(START.plus(Duration.ofMinutes(60)));
    assertThat(end.waves()).allSatisfy(wave -> assertThat(wave.samples()).hasSize(6));
    assertThat(progress).anyMatch(line -> line.startsWith("wave 2: holding until"));
  }

  @Test
  void failingHostBeyondBudgetRollsBackTouchedWaves() throws Exception {
    DeployPlan plan = WavePlannerTest.plan(PLAN);
    FakeDeployer deployer = new FakeDeployer(clock, Set.of("web4"));

    RolloutState end =
        engine(plan, deployer, new ScriptedProbe(), new JsonStore()).run(start(plan, 8));

    assertThat(end.status()).isEqualTo(RolloutState.Status.ROLLED_BACK);
    assertThat(deployer.waves("deploy")).containsExactly("wave 1", "wave 2");
    assertThat(deployer.waves("rollback")).containsExactly("wave 2", "wave 1");
    assertThat(end.reason()).contains("web4").contains("per-wave budget of 0%");
    assertThat(end.waves().get(2).phase()).isEqualTo(WaveState.Phase.PENDING);
  }

  @Test
  void freezeLeavesHostsAlone() throws Exception {
    DeployPlan plan = WavePlannerTest.plan(PLAN + "onFailure: freeze\n");
    FakeDeployer deployer = new FakeDeployer(clock, Set.of("web1"));

    RolloutState end =
        engine(plan, deployer, new ScriptedProbe(), new JsonStore()).run(start(plan, 8));

    assertThat(end.status()).isEqualTo(RolloutState.Status.FROZEN);
    assertThat(deployer.waves("rollback")).isEmpty();
    assertThat(end.waves().get(0).phase()).isEqualTo(WaveState.Phase.FAILED);
  }

  @Test
  void unhealthyHoldFailsTheWaveEarly() throws Exception {
    DeployPlan plan = WavePlannerTest.plan(PLAN);
    FakeDeployer deployer = new FakeDeployer(clock, Set.of());
    ScriptedProbe probe = new ScriptedProbe();
    probe.outcome = Sample.Outcome.FAIL;

    RolloutState end = engine(plan, deployer, probe, new JsonStore()).run(start(plan, 8));

    assertThat(end.status()).isEqualTo(RolloutState.Status.ROLLED_BACK);
    assertThat(probe.samples).hasValue(1);
    assertThat(end.waves().get(0).decision()).startsWith("health: web: 1 failed samples");
  }

  @Test
  void noDataIsInconclusiveAndWaitsForADecision() throws Exception {
    DeployPlan inconclusive =
        WavePlannerTest.plan(
            PLAN.replace("  minSamples: 3\n", "  minSamples: 3\n  noData: inconclusive\n"));
    FakeDeployer deployer = new FakeDeployer(clock, Set.of());
    ScriptedProbe probe = new ScriptedProbe();
    probe.outcome = Sample.Outcome.NO_DATA;
    RolloutEngine engine = engine(inconclusive, deployer, probe, new JsonStore());

    RolloutState paused = engine.run(start(inconclusive, 8));
    RolloutState resumed = engine.decide(paused, true, "alice");

    assertThat(inconclusive.health().noData()).isEqualTo(NoDataPolicy.INCONCLUSIVE);
    assertThat(paused.status()).isEqualTo(RolloutState.Status.AWAITING_DECISION);
    assertThat(paused.reason()).contains("0 samples with data");
    assertThat(resumed.status()).isEqualTo(RolloutState.Status.AWAITING_DECISION);
    assertThat(resumed.waves().get(0).decision()).contains("accepted by alice");
    assertThat(resumed.current()).isEqualTo(1);
  }

  @Test
  void noDataFailsWhenThePlanSaysFailed() throws Exception {
    DeployPlan plan = WavePlannerTest.plan(PLAN);
    ScriptedProbe probe = new ScriptedProbe();
    probe.outcome = Sample.Outcome.NO_DATA;

    RolloutState end =
        engine(plan, new FakeDeployer(clock, Set.of()), probe, new JsonStore()).run(start(plan, 8));

    assertThat(end.status()).isEqualTo(RolloutState.Status.ROLLED_BACK);
    assertThat(end.reason()).contains("0 samples with data, at least 3 needed");
  }

  @Test
  void decisionOnRunningRolloutIsRejected() throws Exception {
    DeployPlan plan = WavePlannerTest.plan(PLAN);
    RolloutEngine engine = engine(plan, new FakeDeployer(clock, Set.of()), null, new JsonStore());

    assertThatThrownBy(() -> engine.decide(start(plan, 8), false, "bob"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resumedInHoldWaitsOnlyTheTimeLeft() throws Exception {
    DeployPlan plan = WavePlannerTest.plan(PLAN);
    JsonStore store = new JsonStore();
    ScriptedProbe probe = new ScriptedProbe();
    FakeDeployer first = new FakeDeployer(clock, Set.of());
    StateStore crashing =
        state -> {
          store.save(state);
          WaveState wave = state.currentWave();
          if (wave.index() == 1
              && wave.phase() == WaveState.Phase.HOLDING
              && wave.samples().size() == 2) {
            throw new FakeDeployer.Crash();
          }
        };
    assertThatThrownBy(() -> engine(plan, first, probe, crashing).run(start(plan, 8)))
        .isInstanceOf(FakeDeployer.Crash.class);
    RolloutState saved = store.last();
    Instant deadline = saved.currentWave().holdDeadline();
    clock.set(clock.instant().plus(Duration.ofMinutes(7)));
    FakeDeployer second = new FakeDeployer(clock, Set.of());

    RolloutState end = engine(plan, second, probe, new JsonStore()).run(saved);

    assertThat(deadline).isEqualTo(START.plus(Duration.ofMinutes(60)));
    assertThat(end.status()).isEqualTo(RolloutState.Status.SUCCEEDED);
    assertThat(second.waves("deploy")).containsExactly("wave 3");
    assertThat(second.calls.get(0).at()).isEqualTo(deadline);
    assertThat(end.waves().get(1).samples()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void resumedInWaveRunsThatWaveAgain() throws Exception {
    DeployPlan plan = WavePlannerTest.plan(PLAN);
    JsonStore store = new JsonStore();
    FakeDeployer first = new FakeDeployer(clock, Set.of()).crashOnDeploy(1);
    assertThatThrownBy(() -> engine(plan, first, new ScriptedProbe(), store).run(start(plan, 8)))
        .isInstanceOf(FakeDeployer.Crash.class);
    RolloutState saved = store.last();
    FakeDeployer second = new FakeDeployer(clock, Set.of());

    RolloutState end = engine(plan, second, new ScriptedProbe(), new JsonStore()).run(saved);

    assertThat(saved.currentWave().phase()).isEqualTo(WaveState.Phase.DEPLOYING);
    assertThat(first.waves("deploy")).containsExactly("wave 1", "wave 2");
    assertThat(second.waves("deploy")).containsExactly("wave 2", "wave 3");
    assertThat(end.status()).isEqualTo(RolloutState.Status.SUCCEEDED);
  }

  @Test
  void overallBudgetCountsEveryWave() throws Exception {
    DeployPlan plan =
        WavePlannerTest.plan(
            "tool: ansible\nserial: 2\nfailureBudget:\n  perWave: 50%\n  overall: 1\n");
    FakeDeployer deployer = new FakeDeployer(clock, Set.of("web1", "web3"));

    RolloutState end = engine(plan, deployer, null, new JsonStore()).run(start(plan, 8));

    assertThat(deployer.waves("deploy")).containsExactly("wave 1", "wave 2");
    assertThat(end.reason()).contains("2 of 8 hosts failed, above the overall budget of 1");
  }

  @Test
  void advanceReturnsInsteadOfSleepingInAHold() throws Exception {
    DeployPlan plan = WavePlannerTest.plan("tool: ansible\nserial: 4\nhold: 30m\n");
    FakeDeployer deployer = new FakeDeployer(clock, Set.of());
    RolloutEngine engine = engine(plan, deployer, null, new JsonStore());

    RolloutEngine.Advance first = engine.advance(start(plan, 8));
    clock.set(first.wakeAt().orElseThrow());
    RolloutEngine.Advance second = engine.advance(first.state());
    clock.set(second.wakeAt().orElseThrow());
    RolloutEngine.Advance last = engine.advance(second.state());

    assertThat(first.wakeAt()).contains(START.plus(Duration.ofMinutes(30)));
    assertThat(first.state().currentWave().phase()).isEqualTo(WaveState.Phase.HOLDING);
    assertThat(second.state().current()).isEqualTo(1);
    assertThat(last.wakeAt()).isEmpty();
    assertThat(last.state().status()).isEqualTo(RolloutState.Status.SUCCEEDED);
  }

  @Test
  void failedRollbackIsNamedInTheReason() throws Exception {
    DeployPlan plan = WavePlannerTest.plan(PLAN);
    FakeDeployer deployer = new FakeDeployer(clock, Set.of("web4")).failRollbackOn(Set.of("web1"));

    RolloutState end =
        engine(plan, deployer, new ScriptedProbe(), new JsonStore()).run(start(plan, 8));

    assertThat(end.status()).isEqualTo(RolloutState.Status.ROLLED_BACK);
    assertThat(end.reason()).endsWith("; rollback failed on 1 hosts");
    assertThat(end.waves().get(0).rollbackResults())
        .extracting(r -> r.status())
        .containsExactly(
            io.patchpipeline.engine.deploy.tool.HostResult.Status.UNREACHABLE,
            io.patchpipeline.engine.deploy.tool.HostResult.Status.CHANGED);
    assertThat(progress).contains("wave 1: rollback failed on 1 hosts");
  }
}
