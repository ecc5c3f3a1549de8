package io.patchpipeline.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-12-04T16:00:00Z");

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "120; PT2M",
        "0; PT0S",
        "Fri, 04 Dec 2026 16:00:30 GMT; PT30S",
        "Fri, 04 Dec 2026 15:00:00 GMT; PT0S",
        "soon; ",
        "-5; ",
        "99999999999999999999; "
      })
  void parsesSecondsAndHttpDates(String header, String expected) {
    Optional<Duration> wait = RetryAfter.parse(header, NOW);

    assertThat(wait).isEqualTo(Optional.ofNullable(expected).map(Duration::parse));
  }

  @ParameterizedTest
  @CsvSource({"1, 50, 100", "2, 100, 200", "3, 200, 400", "10, 500, 1000"})
  void backoffDoublesWithinJitterAndCap(int retry, long min, long max) {
    Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
    Backoff high = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.999999);

    assertThat(low.delay(retry).toMillis()).isEqualTo(min);
    assertThat(high.delay(retry).toMillis()).isBetween(max - 1, max);
  }
}
