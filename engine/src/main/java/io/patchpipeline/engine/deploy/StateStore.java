package io.patchpipeline.engine.deploy;

import java.io.IOException;

/** Keeps the rollout state durable; called after every change, before the next step starts. */
@FunctionalInterface
public interface StateStore {
  void save(RolloutState state) throws IOException;
}
