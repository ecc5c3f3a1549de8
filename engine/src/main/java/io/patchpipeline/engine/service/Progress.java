package io.patchpipeline.engine.service;

/** Receiver of progress during a long run, such as the CLI's progress line. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (file, findings) -> {};

  /** Called when a report starts and then every {@link #EVERY} findings read from it. */
  void reading(String file, long findingsSoFar);

  /** How many findings pass between two progress calls. */
  long EVERY = 10_000;
}
