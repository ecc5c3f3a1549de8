package io.patchpipeline.engine.service;

import io.patchpipeline.engine.core.InputException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands report arguments into files: a plain path must exist; a glob ({@code *}, {@code **},
 * {@code ?}, {@code [..]}, {@code {a,b}}) must match at least one file. Globs are matched against
 * paths relative to the base folder, with {@code /} as separator.
 */
final class ReportFiles {
  private ReportFiles() {}

  static List<Path> resolve(Path baseDir, List<String> patterns) throws IOException {
    if (patterns.isEmpty()) {
      throw new InputException("", "", "no report given; expected at least one file or glob");
    }
    Set<Path> files = new LinkedHashSet<>();
    for (String pattern : patterns) {
      files.addAll(expand(baseDir, pattern));
    }
    return new ArrayList<>(files);
  }

  private static List<Path> expand(Path baseDir, String pattern) throws IOException {
    // A file really named like a glob, such as scan[1].json, is read as it is.
    Optional<Path> literal = literalFile(baseDir, pattern);
    if (literal.isPresent()) {
      return List.of(literal.get());
    }
    if (!isGlob(pattern)) {
      Path file = baseDir.resolve(pattern).normalize();
      if (Files.isDirectory(file)) {
        throw new InputException(
            pattern, "", "is a folder; expected a report file or a glob such as " + pattern + "/*");
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw new InputException(
            pattern,
            "",
            "is not a regular file (such as a device or a fifo); expected a report file");
      }
      if (!Files.isRegularFile(file)) {
        throw new InputException(pattern, "", "report file not found");
      }
      return List.of(file);
    }
    String normalized = pattern.replace('\\', '/');
    String prefix = fixedPrefix(normalized);
    // The glob after the fixed folders is matched against paths relative to those folders, so
    // that a prefix such as ../scans or an absolute path works like any other.
    String rest =
        prefix.isEmpty() || prefix.equals("/")
            ? normalized.substring(prefix.length())
            : normalized.substring(prefix.length() + 1);
    Path root = baseDir.resolve(prefix).normalize();
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    } catch (IllegalArgumentException e) {
      String reason =
          e instanceof java.util.regex.PatternSyntaxException syntax
              ? syntax.getDescription()
              : e.getMessage();
      throw new InputException(pattern, "", "invalid glob: " + reason, e);
    }
    List<Path> matches = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> matcher.matches(Path.of(relative(root, p))))
            .sorted()
            .forEach(matches::add);
      }
    }
    if (matches.isEmpty()) {
      throw new InputException(pattern, "", "no report file matches this pattern");
    }
    return matches;
  }

  /** Returns {@code file} relative to {@code baseDir} with {@code /} separators. */
  static String relative(Path baseDir, Path file) {
    Path base = baseDir.toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  private static Optional<Path> literalFile(Path baseDir, String pattern) {
    try {
      Path file = baseDir.resolve(pattern).normalize();
      return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static boolean isGlob(String pattern) {
    return pattern.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
  }

  private static String fixedPrefix(String pattern) {
    int wildcard = 0;
    while (wildcard < pattern.length() && "*?[{".indexOf(pattern.charAt(wildcard)) < 0) {
      wildcard++;
    }
    int slash = pattern.lastIndexOf('/', wildcard);
    if (slash == 0) {
      return "/";
    }
    return slash < 0 ? "" : pattern.substring(0, slash);
  }
}
