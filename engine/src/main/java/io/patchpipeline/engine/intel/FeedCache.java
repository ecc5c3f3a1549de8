package io.patchpipeline.engine.intel;

import io.patchpipeline.engine.core.AtomicFiles;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.http.ApiRequest;
import io.patchpipeline.engine.http.ApiResponse;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpException;
import io.patchpipeline.engine.http.HttpService;
import io.patchpipeline.engine.http.HttpSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Downloads feed files into a cache folder and decides when a cached copy may be used:
 *
 * <ul>
 *   <li>a copy younger than {@code maxAge} is used without a request;
 *   <li>otherwise the file is downloaded; the download replaces the cached copy only after it
 *       loaded without error, so a failed or corrupt download never destroys a good copy;
 *   <li>when the download or its loading fails, a copy younger than {@code maxStale} is used with a
 *       warning; without one the fetch fails.
 * </ul>
 *
 * The age of a copy is the time since its download, kept as the file's last-modified time.
 */
public final class FeedCache {
  private static final String USER_AGENT = "patch-pipeline";
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 5;

  private final Path folder;
  private final Duration maxAge;
  private final Duration maxStale;
  private final Clock clock;
  private final HttpService http;

  /** A loaded feed and the cached file it came from. */
  public record Fetched<T>(T value, FeedFile file, boolean stale) {}

  /** Creates a cache that downloads with {@link #downloadSettings(Duration)} and no proxy. */
  public FeedCache(Path folder, Duration maxAge, Duration maxStale, Duration timeout, Clock clock) {
    this(
        folder,
        maxAge,
        maxStale,
        new HttpService(downloadSettings(timeout), Credentials.none()),
        clock);
  }

  /** Creates a cache that downloads through {@code http}, with its timeouts, retries and proxy. */
  public FeedCache(Path folder, Duration maxAge, Duration maxStale, HttpService http, Clock clock) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.maxStale = Objects.requireNonNull(maxStale, "maxStale");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the download settings of a feed: {@code timeout} for each whole response, body
   * included, 3 attempts with waits of 1 to 10 seconds or as {@code Retry-After} requests, and at
   * most 3 timeouts plus 15 seconds in total.
   */
  public static HttpSettings downloadSettings(Duration timeout) {
    return HttpSettings.defaults()
        .withRequestTimeout(timeout)
        .withMaxAttempts(3)
        .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10))
        .withTotalTimeout(timeout.multipliedBy(3).plusSeconds(15))
        .withWritesPerSecond(0);
  }

  /**
   * Returns the feed at {@code url}, cached as {@code fileName}, loaded with {@code load}.
   *
   * @throws InputException when the feed can be neither downloaded and loaded nor taken from a
   *     cached copy younger than {@code maxStale}
   */
  public <T> Fetched<T> fetch(URI url, String fileName, Function<Path, T> load, Messages messages) {
    Path cached = folder.resolve(fileName);
    Duration age = age(cached);
    if (age != null && age.compareTo(maxAge) < 0) {
      try {
        return fetched(load.apply(cached), url, cached, false);
      } catch (InputException e) {
        messages.warning(
            "The cached "
                + cached
                + " cannot be loaded, so it is downloaded again: "
                + e.getMessage());
      }
    }
    String failure;
    try {
      return downloadAndLoad(url, cached, load);
    } catch (IOException e) {
      failure = "the download failed: " + describe(e);
    } catch (InputException e) {
      failure = "the downloaded file is invalid: " + e.getMessage();
    }
    return useStale(url, cached, load, failure, messages);
  }

  private <T> Fetched<T> downloadAndLoad(URI url, Path cached, Function<Path, T> load)
      throws IOException {
    // A unique name, because two runs sharing the cache folder may download at the same time.
    Files.createDirectories(folder);
    Path candidate = Files.createTempFile(folder, "." + cached.getFileName(), ".download");
    try {
      download(url, candidate);
      T value = load.apply(candidate);
      Files.move(
          candidate, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Files.setLastModifiedTime(cached, FileTime.from(clock.instant()));
      return fetched(value, url, cached, false);
    } finally {
      Files.deleteIfExists(candidate);
    }
  }

  /**
   * Downloads {@code url} into {@code target}, following up to {@value #MAX_REDIRECTS} redirects
   * but none from https to http.
   */
  private void download(URI url, Path target) throws IOException {
    URI current = url;
    for (int redirects = 0; ; redirects++) {
      ApiResponse response = http.send(request(current));
      int status = response.status();
      if (status == 200) {
        AtomicFiles.write(target, response.body());
        return;
      }
      Optional<String> location = response.header("Location");
      if (!REDIRECTS.contains(status) || location.isEmpty()) {
        throw new IOException("HTTP status " + status + ", expected 200");
      }
      if (redirects == MAX_REDIRECTS) {
        throw new IOException("more than " + MAX_REDIRECTS + " redirects");
      }
      URI next = current.resolve(location.get().trim());
      if ("https".equalsIgnoreCase(current.getScheme())
          && !"https".equalsIgnoreCase(next.getScheme())) {
        throw new IOException("rejected a redirect from https to " + next.getScheme());
      }
      current = next;
    }
  }

  private static ApiRequest request(URI url) {
    return new ApiRequest(
        "GET",
        url,
        Map.of("Accept", "*/*", "User-Agent", USER_AGENT),
        null,
        true,
        Optional.empty(),
        "Idempotency-Key");
  }

  private <T> Fetched<T> useStale(
      URI url, Path cached, Function<Path, T> load, String failure, Messages messages) {
    Duration age = age(cached);
    if (age == null || age.compareTo(maxStale) >= 0) {
      throw new InputException(
          redact(url),
          "",
          failure
              + "; no cached copy younger than "
              + maxStale.toHours()
              + " hours is in "
              + folder
              + ". Check the network or proxy settings, or download the file and pass it as a"
              + " local file");
    }
    T value = load.apply(cached);
    messages.warning(
        "Using the cached "
            + cached
            + ", downloaded "
            + age.toHours()
            + " hours ago, because "
            + failure);
    return fetched(value, url, cached, true);
  }

  private <T> Fetched<T> fetched(T value, URI url, Path cached, boolean stale) {
    Instant downloaded = lastModified(cached);
    FeedFile file =
        new FeedFile(
            cached.toString(),
            io.patchpipeline.engine.core.Hashing.sha256(cached),
            redact(url),
            java.util.Optional.ofNullable(downloaded));
    return new Fetched<>(value, file, stale);
  }

  /** Returns the time since {@code file} was downloaded, or null when it does not exist. */
  private Duration age(Path file) {
    Instant modified = lastModified(file);
    return modified == null ? null : Duration.between(modified, clock.instant());
  }

  private static Instant lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Returns {@code url} without user information and query, which may carry credentials or tokens,
   * so that the URL can appear in messages and the record.
   */
  static String redact(URI url) {
    String text = url.getScheme() + "://" + url.getHost();
    if (url.getPort() >= 0) {
      text += ":" + url.getPort();
    }
    text += url.getRawPath() == null ? "" : url.getRawPath();
    return url.getRawQuery() == null ? text : text + "?...";
  }

  private static String describe(IOException e) {
    if (e instanceof HttpException failed) {
      return failed.reason();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}
