package io.patchpipeline.engine.intel;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed file that a run read, as the record cites it.
 *
 * @param name the path as the user or the cache named it
 * @param sha256 the SHA-256 of the file's bytes as stored (compressed, for a gzip file)
 * @param url where the file was downloaded from; empty for a local file
 * @param downloaded when the cached copy was downloaded; empty for a local file
 */
public record FeedFile(String name, String sha256, String url, Optional<Instant> downloaded) {
  public FeedFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    url = Objects.requireNonNullElse(url, "");
    downloaded = Objects.requireNonNullElse(downloaded, Optional.empty());
  }

  public static FeedFile local(String name, String sha256) {
    return new FeedFile(name, sha256, "", Optional.empty());
  }
}
