package io.patchpipeline.engine.http;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the wait before retry {@code n} (1 for the first retry) is a
 * random value between half and all of {@code initial * 2^(n-1)}, capped at {@code max}. The jitter
 * spreads the retries of many clients that failed at the same moment.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;

  public Backoff(Duration initial, Duration max) {
    this(initial, max, new SecureRandom()::nextDouble);
  }

  /** Creates a backoff whose jitter comes from {@code random}, values in [0, 1). */
  public Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  public Duration delay(int retry) {
    long base = initial.toMillis();
    for (int i = 1; i < retry && base < max.toMillis(); i++) {
      base *= 2;
    }
    long capped = Math.min(base, max.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
  }
}
