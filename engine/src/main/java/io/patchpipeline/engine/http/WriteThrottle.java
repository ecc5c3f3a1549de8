package io.patchpipeline.engine.http;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces write requests so that at most {@code perSecond} start in any second. Shared by every
 * thread that writes to the same service.
 */
final class WriteThrottle {
  private final long intervalNanos;
  private final HttpService.Sleeper sleeper;
  private final LongSupplier nanoTime;
  private long nextSlot;

  WriteThrottle(double perSecond, HttpService.Sleeper sleeper) {
    this(perSecond, sleeper, System::nanoTime);
  }

  WriteThrottle(double perSecond, HttpService.Sleeper sleeper, LongSupplier nanoTime) {
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.nextSlot = nanoTime.getAsLong();
  }

  /** Blocks until the next write may start. */
  void acquire() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      long slot = Math.max(now, nextSlot);
      nextSlot = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      sleeper.sleep(Duration.ofNanos(wait));
    }
  }
}
