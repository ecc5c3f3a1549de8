package io.patchpipeline.engine.intel;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Messages;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Loads the EPSS and KEV feeds that {@link IntelOptions} name, from files or through a cache. */
public final class ThreatIntelLoader {
  private ThreatIntelLoader() {}

  /**
   * Loads the feeds; warnings (a stale cached copy, a KEV count that does not match) go to {@code
   * messages}.
   *
   * @throws InputException when a named feed cannot be loaded
   */
  public static LoadedIntel load(IntelOptions options, Messages messages) {
    Optional<LoadedFeed<EpssTable>> epss = Optional.empty();
    Optional<LoadedFeed<KevCatalog>> kev = Optional.empty();
    if (!options.epssFiles().isEmpty()) {
      epss = Optional.of(EpssLoader.load(options.epssFiles()));
    } else if (options.download().isPresent()) {
      epss = Optional.of(downloadEpss(options.download().get(), options.clock(), messages));
    }
    if (options.kevFile().isPresent()) {
      kev = Optional.of(KevLoader.load(options.kevFile().get(), messages));
    } else if (options.download().isPresent()) {
      kev = Optional.of(downloadKev(options.download().get(), options.clock(), messages));
    }
    ThreatIntel intel = new ThreatIntel(epss.map(LoadedFeed::data), kev.map(LoadedFeed::data));
    return new LoadedIntel(
        intel, new IntelSources(epss.map(LoadedFeed::info), kev.map(LoadedFeed::info)));
  }

  /**
   * Returns the EPSS table from {@code download.epssUrl()} through the cache.
   *
   * @throws InputException when neither a download nor a cached copy can be used
   */
  public static LoadedFeed<EpssTable> downloadEpss(
      FeedDownload download, Clock clock, Messages messages) {
    return fetch(download, clock, download.epssUrl(), EpssLoader::load, messages);
  }

  /**
   * Returns the KEV catalog from {@code download.kevUrl()} through the cache.
   *
   * @throws InputException when neither a download nor a cached copy can be used
   */
  public static LoadedFeed<KevCatalog> downloadKev(
      FeedDownload download, Clock clock, Messages messages) {
    return fetch(
        download, clock, download.kevUrl(), file -> KevLoader.load(file, messages), messages);
  }

  /** Fetches one feed through the cache and describes it by the cached file, not the download. */
  private static <T> LoadedFeed<T> fetch(
      FeedDownload download,
      Clock clock,
      URI url,
      Function<Path, LoadedFeed<T>> load,
      Messages messages) {
    FeedCache cache =
        new FeedCache(
            download.cacheFolder(),
            download.maxAge(),
            download.maxStale(),
            download.timeout(),
            clock);
    FeedCache.Fetched<LoadedFeed<T>> fetched = cache.fetch(url, fileName(url), load, messages);
    FeedInfo info = fetched.value().info();
    FeedInfo cited =
        new FeedInfo(
            info.feed(),
            info.version(),
            info.date(),
            info.entries(),
            List.of(fetched.file()),
            info.note());
    return new LoadedFeed<>(fetched.value().data(), cited);
  }

  /** Returns the last segment of the URL's path, the name the cached copy is stored under. */
  static String fileName(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.isEmpty() || name.startsWith(".")) {
      throw new InputException(
          FeedCache.redact(url),
          "",
          "the URL does not end in a file name; expected a URL such as " + FeedDownload.KEV_URL);
    }
    return name;
  }
}
