package io.patchpipeline.engine.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.patchpipeline.engine.core.AtomicFiles;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.core.JsonProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Stores the rollout state in a JSON file, written atomically after every change. */
public final class StateFile implements StateStore {
  private final Path file;

  public StateFile(Path file) {
    this.file = file;
  }

  @Override
  public void save(RolloutState state) throws IOException {
    AtomicFiles.write(file, out -> Json.mapper().writeValue(out, state));
  }

  /** Reads a saved state, or returns empty when no rollout has started yet. */
  public Optional<RolloutState> read() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      RolloutState state = Json.mapper().readValue(file.toFile(), RolloutState.class);
      if (state.formatVersion() != RolloutState.FORMAT_VERSION) {
        throw new InputException(
            file.toString(),
            "/formatVersion",
            "unsupported rollout state version " + state.formatVersion());
      }
      return Optional.of(state);
    } catch (JsonProcessingException e) {
      throw JsonProblems.error(file.toString(), "not a rollout state", e);
    }
  }

  public Path path() {
    return file;
  }
}
