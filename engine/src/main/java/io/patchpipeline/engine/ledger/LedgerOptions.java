package io.patchpipeline.engine.ledger;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the ledger lives: a JDBC URL ({@code jdbc:h2:file:...} or {@code jdbc:postgresql://...})
 * with the user and password. The password is never printed, not even by {@link #toString()}.
 */
public record LedgerOptions(String jdbcUrl, String user, String password) {
  public LedgerOptions {
    jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl").trim();
    user = Objects.requireNonNullElse(user, "");
    password = Objects.requireNonNullElse(password, "");
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "Unsupported ledger JDBC URL '"
              + redactedUrl(jdbcUrl)
              + "': expected jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DATABASE");
    }
  }

  /**
   * Returns the options of an embedded H2 ledger kept in {@code file} ({@code .mv.db} is added).
   */
  public static LedgerOptions h2(Path file) {
    String path = file.toAbsolutePath().toString();
    if (path.endsWith(".mv.db")) {
      path = path.substring(0, path.length() - ".mv.db".length());
    }
    return new LedgerOptions("jdbc:h2:file:" + path, "sa", "");
  }

  /** Returns the URL with any {@code password=} parameter replaced, for messages. */
  public String safeUrl() {
    return redactedUrl(jdbcUrl);
  }

  @Override
  public String toString() {
    return "LedgerOptions[" + safeUrl() + ", user=" + user + "]";
  }

  private static String redactedUrl(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
