package io.patchpipeline.engine.deploy;

/** Receives one line per wave step and per hold, for a build log or a terminal. */
@FunctionalInterface
public interface Progress {
  void report(String line);

  Progress NONE = line -> {};
}
