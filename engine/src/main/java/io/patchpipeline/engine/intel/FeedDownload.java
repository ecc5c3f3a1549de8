package io.patchpipeline.engine.intel;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The feed URLs and the age limits of downloaded copies (see {@link FeedCache}).
 *
 * @param maxAge a cached copy younger than this is used without a request
 * @param maxStale when a download fails, a cached copy younger than this is used with a warning
 * @param timeout the connect timeout and the time allowed until the response headers arrive
 */
public record FeedDownload(
    Path cacheFolder,
    URI epssUrl,
    URI kevUrl,
    Duration maxAge,
    Duration maxStale,
    Duration timeout) {
  /** The FIRST EPSS scores of the latest day, as published by Empirical Security for FIRST. */
  public static final URI EPSS_URL =
      URI.create("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");

  /** The CISA KEV catalog as JSON. */
  public static final URI KEV_URL =
      URI.create(
          "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json");

  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);
  public static final Duration DEFAULT_MAX_STALE = Duration.ofDays(7);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public FeedDownload {
    Objects.requireNonNull(cacheFolder, "cacheFolder");
    Objects.requireNonNull(epssUrl, "epssUrl");
    Objects.requireNonNull(kevUrl, "kevUrl");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(maxStale, "maxStale");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** Returns the official URLs with a 24-hour maximum age and a 7-day maximum staleness. */
  public static FeedDownload defaults(Path cacheFolder) {
    return new FeedDownload(
        cacheFolder, EPSS_URL, KEV_URL, DEFAULT_MAX_AGE, DEFAULT_MAX_STALE, DEFAULT_TIMEOUT);
  }
}
