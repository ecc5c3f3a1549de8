package io.patchpipeline.engine.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The staging smoke tests: a command that passes with exit code 0, and optionally a JUnit XML
 * report it writes, whose failures and errors also fail the wave.
 */
public record SmokeTest(List<String> command, Optional<String> junitReport, Duration timeout) {
  public SmokeTest {
    command = List.copyOf(command);
  }
}
