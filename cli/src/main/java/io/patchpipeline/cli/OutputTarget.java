package io.patchpipeline.cli;

import io.patchpipeline.engine.core.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A file that a command writes, such as the path of {@code --out}. {@link #check()} rejects it
 * before any work is done when it exists and is not a regular file (a device, a folder, a fifo), or
 * when it is one of the command's own inputs, because the atomic write would replace it.
 */
final class OutputTarget {
  private final String option;
  private final Path path;
  private final Path baseDir;
  private final List<Input> inputs = new ArrayList<>();

  private record Input(String option, Path path) {}

  /** Describes the file of {@code option}; relative paths start from {@code baseDir}. */
  OutputTarget(String option, Path path, Path baseDir) {
    this.option = option;
    this.path = path;
    this.baseDir = baseDir;
  }

  OutputTarget(String option, Path path) {
    this(option, path, Path.of(""));
  }

  /** Adds an input file; a null path (an option not given) is ignored. */
  OutputTarget input(String inputOption, Path inputPath) {
    if (inputPath != null) {
      inputs.add(new Input(inputOption, inputPath));
    }
    return this;
  }

  /** Adds an input given as text, such as a path that may also be a preset name. */
  OutputTarget input(String inputOption, String inputPath) {
    return inputPath == null || inputPath.isBlank() ? this : input(inputOption, Path.of(inputPath));
  }

  OutputTarget inputs(String inputOption, Collection<Path> inputPaths) {
    inputPaths.forEach(inputPath -> input(inputOption, inputPath));
    return this;
  }

  /**
   * Rejects the target when it exists and is not a regular file, or is the same file as an input.
   * Nothing to check when the path is null (the option was not given).
   */
  void check() {
    if (path == null) {
      return;
    }
    String shown = Terminal.safe(path.toString());
    if (shown.isBlank()) {
      throw new InputException(option, "", "the path is empty; expected a file name");
    }
    Path target = baseDir.resolve(path);
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isRegularFile(target)) {
      throw new InputException(
          option,
          "",
          shown
              + ": exists and is not a regular file (such as a folder, a device or a fifo);"
              + " expected a path for a file");
    }
    for (Input input : inputs) {
      Path inputPath = baseDir.resolve(input.path());
      if (Files.exists(inputPath) && sameFile(target, inputPath)) {
        throw new InputException(
            option,
            "",
            shown
                + ": is the file of "
                + input.option()
                + ", an input of this command; choose another path");
      }
    }
  }

  private static boolean sameFile(Path first, Path second) {
    try {
      return Files.isSameFile(first, second);
    } catch (IOException e) {
      return first.toAbsolutePath().normalize().equals(second.toAbsolutePath().normalize());
    }
  }
}
