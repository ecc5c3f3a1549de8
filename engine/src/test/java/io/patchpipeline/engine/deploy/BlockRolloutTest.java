package io.patchpipeline.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.deploy.tool.BlockDeployer;
import io.patchpipeline.engine.deploy.tool.DeployItem;
import io.patchpipeline.engine.deploy.tool.DeployRequest;
import io.patchpipeline.engine.deploy.tool.HostResult;
import io.patchpipeline.engine.deploy.tool.LocalCommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollout whose block body runs elsewhere, as the Jenkins step's body does: the engine stops at
 * each wave until the body's outcome is reported, then goes on from the saved state.
 */
class BlockRolloutTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final List<DeployItem> ITEMS =
      List.of(new DeployItem("PP-1", "openssl", "3.0.13-1", "3.0.11-1", "OS", List.of("CVE-1")));

  @TempDir Path folder;

  private final FakeClock clock = new FakeClock(START);
  private final List<String> progress = new ArrayList<>();

  /** Outcomes reported so far, by wave name and action. */
  private final Map<String, BlockDeployer.BodyOutcome> outcomes = new HashMap<>();

  private final List<DeployRequest> requests = new ArrayList<>();

  private RolloutEngine engine(DeployPlan plan, RolloutEngineTest.JsonStore store) {
    BlockDeployer.Body body =
        (request, rollback) -> {
          requests.add(request);
          return Optional.ofNullable(outcomes.get(key(request.waveName(), rollback)));
        };
    return new RolloutEngine(
        new RolloutContext(
            plan,
            new BlockDeployer(body),
            ITEMS,
            List.of(),
            Optional.empty(),
            new LocalCommandRunner(),
            folder,
            store,
            clock,
            clock.sleeper(),
            progress::add));
  }

  private static String key(String wave, boolean rollback) {
    return wave + (rollback ? "/rollback" : "/deploy");
  }

  private static RolloutState start(DeployPlan plan) {
    return RolloutState.start(
        "hash", List.of("PP-1"), WavePlanner.plan(plan, WavePlannerTest.hosts(4), false), START);
  }

  @Test
  void advanceWaitsForEachBodyRun() throws Exception {
    DeployPlan plan = WavePlannerTest.plan("tool: block\nwaves: ['50%', '100%']\nhold: 10m\n");
    RolloutEngineTest.JsonStore store = new RolloutEngineTest.JsonStore();
    RolloutEngine engine = engine(plan, store);

    RolloutEngine.Advance first = engine.advance(start(plan));

    assertThat(first.wakeAt()).isEmpty();
    assertThat(first.block()).isPresent();
    BlockRun run = first.block().get();
    assertThat(run.wave()).isEqualTo("wave 1");
    assertThat(run.waveIndex()).isZero();
    assertThat(run.waveCount()).isEqualTo(2);
    assertThat(run.hosts()).containsExactly("web1", "web2");
    assertThat(run.items()).isEqualTo(ITEMS);
    assertThat(run.rollback()).isFalse();
    assertThat(store.last().currentWave().phase()).isEqualTo(WaveState.Phase.DEPLOYING);
    assertThat(first.state().currentWave().phase()).isEqualTo(WaveState.Phase.DEPLOYING);

    outcomes.put(key("wave 1", false), BlockDeployer.BodyOutcome.success());
    RolloutEngine.Advance hold = engine.advance(store.last());

    assertThat(hold.block()).isEmpty();
    assertThat(hold.wakeAt()).contains(START.plus(Duration.ofMinutes(10)));
    assertThat(hold.state().currentWave().results())
        .extracting(HostResult::status)
        .containsOnly(HostResult.Status.CHANGED);

    clock.set(START.plus(Duration.ofMinutes(10)));
    RolloutEngine.Advance second = engine.advance(store.last());

    assertThat(second.block().map(BlockRun::wave)).contains("wave 2");
    assertThat(second.block().map(BlockRun::waveIndex)).contains(1);
  }

  @Test
  void failedBodyRollsBackWaveByWave() throws Exception {
    DeployPlan plan = WavePlannerTest.plan("tool: block\nwaves: ['50%', '100%']\nhold: 0s\n");
    RolloutEngineTest.JsonStore store = new RolloutEngineTest.JsonStore();
    RolloutEngine engine = engine(plan, store);
    outcomes.put(key("wave 1", false), BlockDeployer.BodyOutcome.success());
    outcomes.put(key("wave 2", false), BlockDeployer.BodyOutcome.failure("exit code 2"));

    RolloutEngine.Advance rollbackOfSecond = engine.advance(start(plan));

    assertThat(rollbackOfSecond.state().status()).isEqualTo(RolloutState.Status.ROLLING_BACK);
    assertThat(rollbackOfSecond.state().reason()).contains("web3 (exit code 2)");
    assertThat(rollbackOfSecond.block().map(BlockRun::wave)).contains("wave 2");
    assertThat(rollbackOfSecond.block().map(BlockRun::rollback)).contains(true);

    outcomes.put(key("wave 2", true), BlockDeployer.BodyOutcome.success());
    RolloutEngine.Advance rollbackOfFirst = engine.advance(store.last());

    assertThat(rollbackOfFirst.block().map(BlockRun::wave)).contains("wave 1");
    assertThat(rollbackOfFirst.state().waves().get(1).phase())
        .isEqualTo(WaveState.Phase.ROLLED_BACK);

    outcomes.put(key("wave 1", true), BlockDeployer.BodyOutcome.success());
    RolloutEngine.Advance end = engine.advance(store.last());

    assertThat(end.block()).isEmpty();
    assertThat(end.state().status()).isEqualTo(RolloutState.Status.ROLLED_BACK);
  }

  @Test
  void blockingDeployOfPendingBodyFails() {
    BlockDeployer deployer = new BlockDeployer((request, rollback) -> Optional.empty());
    DeployRequest request = new DeployRequest("wave 1", List.of("web1"), ITEMS, false);

    assertThatThrownBy(() -> deployer.deploy(request))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wave 1");
    assertThatThrownBy(() -> deployer.rollback(request)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void decisionAppliedWithoutNextWave() throws Exception {
    DeployPlan plan =
        WavePlannerTest.plan(
            "tool: block\nwaves: ['50%', '100%']\nhold: 10m\nhealth:\n  interval: 5m\n"
                + "  minSamples: 2\n  noData: inconclusive\n");
    RolloutEngineTest.JsonStore store = new RolloutEngineTest.JsonStore();
    RolloutEngine engine = engine(plan, store);
    RolloutState waiting =
        new RolloutState(
                RolloutState.FORMAT_VERSION,
                "hash",
                List.of("PP-1"),
                start(plan).waves(),
                0,
                RolloutState.Status.RUNNING,
                "",
                START,
                START,
                List.of())
            .withStatus(RolloutState.Status.AWAITING_DECISION, "no data", START);

    RolloutState decided = engine.applyDecision(waiting, true, "alice");

    assertThat(decided.status()).isEqualTo(RolloutState.Status.RUNNING);
    assertThat(decided.current()).isEqualTo(1);
    assertThat(decided.waves().get(0).decision())
        .isEqualTo("inconclusive health data accepted by alice");
    assertThat(requests).isEmpty();
    assertThat(store.last().current()).isEqualTo(1);

    RolloutState rejected = engine.applyDecision(waiting, false, "bob");

    assertThat(rejected.status()).isEqualTo(RolloutState.Status.ROLLING_BACK);
    assertThat(rejected.reason()).isEqualTo("inconclusive health data rejected by bob");
    assertThat(requests).isEmpty();
  }
}
