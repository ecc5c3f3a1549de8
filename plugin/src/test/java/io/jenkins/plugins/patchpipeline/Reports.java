package io.jenkins.plugins.patchpipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small reports of {@link PipeReportParser}'s format into a workspace. */
final class Reports {
  private Reports() {}

  /** Two images sharing an OpenSSL finding, plus a critical zlib finding on one of them. */
  static final String TWO_IMAGES =
      """
      #pipe-report
      CVE-2024-0001|openssl|3.0.1|3.0.9|registry.example/web:1.0|7.5
      CVE-2024-0001|openssl|3.0.1|3.0.9|registry.example/api:2.3|7.5
      CVE-2024-0002|zlib|1.2.11|1.2.13|registry.example/web:1.0|9.8
      """;

  static Path write(Path workspace, String relative, String content) throws IOException {
    Path file = workspace.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }
}
