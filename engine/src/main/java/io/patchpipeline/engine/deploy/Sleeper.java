package io.patchpipeline.engine.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until an instant; tests pass one that moves a fake clock instead of waiting. */
@FunctionalInterface
public interface Sleeper {
  void sleepUntil(Instant deadline) throws InterruptedException;

  /** Returns a sleeper that blocks the thread until {@code clock} reaches the deadline. */
  static Sleeper real(Clock clock) {
    return deadline -> {
      Duration left = Duration.between(clock.instant(), deadline);
      if (!left.isNegative() && !left.isZero()) {
        Thread.sleep(left.toMillis() + 1);
      }
    };
  }
}
