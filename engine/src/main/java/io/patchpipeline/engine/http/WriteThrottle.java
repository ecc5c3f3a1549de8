package io.patchpipeline.engine.http;

import java.time.Duration;

/**
 * Spaces write requests so that at most {@code perSecond} start in any second. Shared by every
 * thread that writes to the same service.
 */
final class WriteThrottle {
  private final long intervalNanos;
  private final HttpService.Sleeper sleeper;
  private long nextSlot;

  WriteThrottle(double perSecond, HttpService.Sleeper sleeper) {
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    this.sleeper = sleeper;
  }

  /** Blocks until the next write may start. */
  void acquire() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextSlot);
      nextSlot = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      sleeper.sleep(Duration.ofNanos(wait));
    }
  }
}
