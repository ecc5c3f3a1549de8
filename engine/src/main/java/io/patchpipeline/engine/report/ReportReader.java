package io.patchpipeline.engine.report;

import io.patchpipeline.engine.core.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Detects a report's format from its content, never its file name, and streams its findings. */
public final class ReportReader {
  /** How much of a file format detection reads. */
  static final int HEAD_CHARS = 16 * 1024;

  private final List<ReportParser> parsers;

  public ReportReader(List<ReportParser> parsers) {
    this.parsers = List.copyOf(parsers);
  }

  /** Returns a reader for every format the engine supports. */
  public static ReportReader withAllFormats() {
    return new ReportReader(ReportFormats.all());
  }

  public List<ReportParser> parsers() {
    return parsers;
  }

  /**
   * Picks the parser for {@code input}.
   *
   * @throws InputException when no parser recognizes the content
   */
  public ReportParser detect(ReportInput input) throws IOException {
    String head = readHead(input);
    if (head.isBlank()) {
      throw new InputException(
          input.name(), "line 1", "the file is empty; expected a scanner report");
    }
    Map<Integer, ReportParser> byScore = new TreeMap<>(Comparator.reverseOrder());
    for (ReportParser parser : parsers) {
      int score = parser.detect(head);
      if (score > 0) {
        byScore.putIfAbsent(score, parser);
      }
    }
    if (byScore.isEmpty()) {
      throw new InputException(
          input.name(), "line 1", "unknown report format; expected one of " + formatNames());
    }
    return byScore.values().iterator().next();
  }

  /** Detects the format of {@code input} and streams its findings to {@code sink}. */
  public ParsedReport read(ReportInput input, FindingSink sink) throws IOException {
    return detect(input).parse(input, sink);
  }

  private String formatNames() {
    return String.join(", ", parsers.stream().map(ReportParser::format).toList());
  }

  private static String readHead(ReportInput input) throws IOException {
    char[] buffer = new char[HEAD_CHARS];
    int filled = 0;
    try (InputStream in = input.open();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      for (int n = 0; n >= 0 && filled < buffer.length; filled += n) {
        n = reader.read(buffer, filled, buffer.length - filled);
        if (n < 0) {
          break;
        }
      }
    }
    String head = new String(buffer, 0, filled);
    return head.startsWith("\uFEFF") ? head.substring(1) : head;
  }
}
