package io.patchpipeline.engine.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Expands file paths and globs relative to a base folder, as the report arguments of Detect are
 * expanded: a plain path must exist, and a glob must match at least one file.
 */
public final class Globs {
  private Globs() {}

  /**
   * Returns the files that {@code patterns} name under {@code baseDir}, without duplicates.
   *
   * @throws io.patchpipeline.engine.core.InputException when a path is missing or a glob is invalid
   *     or matches nothing
   */
  public static List<Path> expand(Path baseDir, List<String> patterns) throws IOException {
    return ReportFiles.resolve(baseDir, patterns);
  }
}
