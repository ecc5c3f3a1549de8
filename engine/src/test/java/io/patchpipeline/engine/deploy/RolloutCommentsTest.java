package io.patchpipeline.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.deploy.health.Sample;
import io.patchpipeline.engine.deploy.tool.HostResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutCommentsTest {
  private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

  private static RolloutState waiting() {
    List<Wave> waves =
        List.of(
            new Wave(0, "wave 1", Wave.Kind.CANARY, List.of("web1", "web2")),
            new Wave(1, "wave 2", Wave.Kind.CANARY, List.of("web3")));
    RolloutState state = RolloutState.start("hash", List.of("PP-1", "PP-2"), waves, AT);
    WaveState wave =
        state
            .currentWave()
            .started(AT)
            .deployed(
                List.of(
                    new HostResult("web1", HostResult.Status.CHANGED, ""),
                    new HostResult("web2", HostResult.Status.OK, "already fixed")),
                List.of("ansible-playbook ..."))
            .verified(List.of("CVE gate: web1 openssl FIXED"), AT.plusSeconds(600), AT)
            .sampled(
                List.of(
                    new Sample("web", AT, Sample.Outcome.PASS, 120.0, "200"),
                    new Sample("web", AT, Sample.Outcome.NO_DATA, null, "timeout"),
                    new Sample("errors", AT, Sample.Outcome.FAIL, 3.0, "above 1")),
                AT.plusSeconds(60));
    return state
        .withWave(wave, AT)
        .withStatus(RolloutState.Status.AWAITING_DECISION, "web: too few samples", AT);
  }

  @Test
  void waitingWaveSummarizesHealth() {
    RolloutState state = waiting();

    List<RolloutEvent> events = RolloutEvents.of(state);

    assertThat(events).hasSize(2);
    RolloutEvent event = events.get(1);
    assertThat(event.decision()).isEqualTo(RolloutEvent.Decision.WAITING);
    assertThat(event.stagingFailed()).isFalse();
    String text = RolloutComments.text(event);
    assertThat(text)
        .contains("wave 1 (canary, 1 of 2): waiting.")
        .contains("Results: web1 changed, web2 ok (already fixed)")
        .contains("Checks:\n- CVE gate: web1 openssl FIXED")
        .contains(
            "Health: errors: 1 samples, 0 pass, 1 fail, 0 no data; web: 2 samples, 1 pass, 0"
                + " fail, 1 no data")
        .contains("Decision: waiting for a person to proceed or roll back: web: too few samples")
        .endsWith(RolloutComments.KEY_PREFIX + state.rolloutId() + ":wave-1:waiting");
  }

  @Test
  void rollingBackStateHasNoWaveEventYet() {
    RolloutState state =
        waiting().withStatus(RolloutState.Status.ROLLING_BACK, "health: errors above 1", AT);

    assertThat(RolloutEvents.of(state))
        .extracting(RolloutEvent::type)
        .containsExactly(RolloutEvent.Type.STARTED);
  }

  @Test
  void finishedTextGivesStatusAndReason() {
    RolloutState state =
        waiting().withStatus(RolloutState.Status.FROZEN, "health: errors above 1", AT);

    List<RolloutEvent> events = RolloutEvents.of(state);

    assertThat(events)
        .extracting(RolloutEvent::decision)
        .containsExactly(
            RolloutEvent.Decision.NONE, RolloutEvent.Decision.FROZEN, RolloutEvent.Decision.NONE);
    assertThat(RolloutComments.text(events.get(2)))
        .startsWith("Rollout " + state.rolloutId() + " ended: frozen: health: errors above 1");
  }

  @Test
  void rolloutIdIsStableAndDistinct() {
    RolloutState one = waiting();
    RolloutState other =
        RolloutState.start(
            "hash",
            List.of("PP-1", "PP-2"),
            List.of(new Wave(0, "wave 1", Wave.Kind.CANARY, List.of("web1"))),
            AT.plusSeconds(1));

    assertThat(one.rolloutId()).hasSize(12).isEqualTo(waiting().rolloutId());
    assertThat(other.rolloutId()).isNotEqualTo(one.rolloutId());
  }
}
