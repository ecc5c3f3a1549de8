package io.patchpipeline.engine.report;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** A report file on disk; a gzip file (by its magic bytes, not its name) is unpacked as read. */
public record FileReportInput(String name, Path path) implements ReportInput {
  public static FileReportInput of(Path path) {
    return new FileReportInput(path.toString(), path);
  }

  @Override
  public InputStream open() throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 64 * 1024), 64 * 1024);
    }
    return in;
  }
}
