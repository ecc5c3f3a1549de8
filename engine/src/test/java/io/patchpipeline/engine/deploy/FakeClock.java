package io.patchpipeline.engine.deploy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when a test or the {@link #sleeper()} moves it. */
final class FakeClock extends Clock {
  private Instant now;

  FakeClock(Instant start) {
    this.now = start;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  synchronized void set(Instant instant) {
    now = instant;
  }

  /** Returns a sleeper that jumps this clock to the deadline instead of waiting. */
  Sleeper sleeper() {
    return deadline -> {
      synchronized (this) {
        if (deadline.isAfter(now)) {
          now = deadline;
        }
      }
    };
  }
}
