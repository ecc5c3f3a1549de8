package io.patchpipeline.engine.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.http.Backoff;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpService;
import io.patchpipeline.engine.http.HttpSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cache against an HTTP server on 127.0.0.1 that serves, fails, truncates and stalls. */
class FeedCacheTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final String KEV_V1 =
      "{\"catalogVersion\":\"2026.12.01\",\"vulnerabilities\":[{\"cveID\":\"CVE-2021-44228\"}]}";
  private static final String KEV_V2 =
      "{\"catalogVersion\":\"2026.12.04\",\"vulnerabilities\":[{\"cveID\":\"CVE-2021-44228\"},"
          + "{\"cveID\":\"CVE-2024-3400\"}]}";

  @TempDir Path cacheFolder;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int status = 200;
  private volatile String body = KEV_V2;
  private volatile boolean truncate;
  private volatile long delayMillis;
  private final Messages messages = new Messages();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();
  private final Map<String, String> headers = new ConcurrentHashMap<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/feeds/",
        exchange -> {
          requests.incrementAndGet();
          sleep(delayMillis);
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          Integer scripted = statuses.poll();
          headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
          exchange.sendResponseHeaders(
              scripted != null ? scripted : status, truncate ? bytes.length + 100 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          } catch (IOException e) {
            // The client may have given up already.
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void missingCopyIsDownloaded() throws IOException {
    FeedCache.Fetched<LoadedFeed<KevCatalog>> fetched = fetch(cache(Duration.ofSeconds(5)));

    Path cached = cacheFolder.resolve("kev.json");
    assertThat(requests.get()).isEqualTo(1);
    assertThat(fetched.value().data().catalogVersion()).isEqualTo("2026.12.04");
    assertThat(fetched.stale()).isFalse();
    assertThat(Files.readString(cached)).isEqualTo(KEV_V2);
    assertThat(fetched.file())
        .isEqualTo(
            new FeedFile(
                cached.toString(), Hashing.sha256(cached), url().toString(), Optional.of(NOW)));
    assertThat(messages.list()).isEmpty();
    try (var files = Files.list(cacheFolder)) {
      assertThat(files).containsExactly(cached);
    }
  }

  @Test
  void freshCopyIsUsedWithoutRequest() throws IOException {
    cachedCopy(KEV_V1, Duration.ofHours(23));

    FeedCache.Fetched<LoadedFeed<KevCatalog>> fetched = fetch(cache(Duration.ofSeconds(5)));

    assertThat(requests.get()).isZero();
    assertThat(fetched.value().data().catalogVersion()).isEqualTo("2026.12.01");
    assertThat(fetched.file().downloaded()).contains(NOW.minus(Duration.ofHours(23)));
  }

  @Test
  void oldCopyIsReplaced() throws IOException {
    cachedCopy(KEV_V1, Duration.ofHours(25));

    FeedCache.Fetched<LoadedFeed<KevCatalog>> fetched = fetch(cache(Duration.ofSeconds(5)));

    assertThat(requests.get()).isEqualTo(1);
    assertThat(fetched.value().data().catalogVersion()).isEqualTo("2026.12.04");
    assertThat(Files.getLastModifiedTime(cacheFolder.resolve("kev.json")).toInstant())
        .isEqualTo(NOW);
  }

  @Test
  void failedDownloadUsesStaleCopy() throws IOException {
    cachedCopy(KEV_V1, Duration.ofDays(3));
    status = 503;

    FeedCache.Fetched<LoadedFeed<KevCatalog>> fetched = fetch(cache(Duration.ofSeconds(5)));

    assertThat(fetched.stale()).isTrue();
    assertThat(fetched.value().data().catalogVersion()).isEqualTo("2026.12.01");
    assertThat(messages.list())
        .extracting(Message::text)
        .containsExactly(
            "Using the cached "
                + cacheFolder.resolve("kev.json")
                + ", downloaded 72 hours ago, because the download failed: gave up after 3"
                + " attempts; last error: HTTP 503");
  }

  @Test
  void failedDownloadWithTooOldCopyFails() throws IOException {
    cachedCopy(KEV_V1, Duration.ofDays(8));
    status = 500;

    assertThatThrownBy(() -> fetch(cache(Duration.ofSeconds(5))))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(url() + ": the download failed: HTTP 500;")
        .hasMessageContaining("no cached copy younger than 168 hours is in " + cacheFolder);
    assertThat(Files.readString(cacheFolder.resolve("kev.json"))).isEqualTo(KEV_V1);
  }

  @Test
  void failedDownloadWithoutCopyFails() {
    status = 404;

    assertThatThrownBy(() -> fetch(cache(Duration.ofSeconds(5))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the download failed: HTTP 404")
        .hasMessageContaining("download the file and pass it as a local file");
  }

  @Test
  void invalidDownloadKeepsTheGoodCopy() throws IOException {
    cachedCopy(KEV_V1, Duration.ofDays(2));
    body = "{\"vulnerabilities\":[{\"cveID\":\"CVE-2021-44228\"}";

    FeedCache.Fetched<LoadedFeed<KevCatalog>> fetched = fetch(cache(Duration.ofSeconds(5)));

    assertThat(fetched.stale()).isTrue();
    assertThat(fetched.value().data().catalogVersion()).isEqualTo("2026.12.01");
    assertThat(Files.readString(cacheFolder.resolve("kev.json"))).isEqualTo(KEV_V1);
    assertThat(messages.list())
        .singleElement()
        .asString()
        .contains("the downloaded file is invalid");
  }

  @Test
  void stalledBodyTimesOut() {
    truncate = true;

    assertThatThrownBy(() -> fetch(cache(Duration.ofMillis(500))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the download failed: gave up after 3 attempts")
        .hasMessageContaining("timed out after 500 ms");
    assertThat(cacheFolder.resolve("kev.json")).doesNotExist();
  }

  @Test
  void connectionClosedMidBodyIsAFailedDownload() throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread responder =
          new Thread(
              () -> {
                try (Socket socket = raw.accept()) {
                  socket.getInputStream().read(new byte[4096]);
                  OutputStream out = socket.getOutputStream();
                  out.write(
                      ("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + KEV_V1.substring(0, 20))
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException e) {
                  // The test fails on the client side if the response was not sent.
                }
              });
      responder.start();
      URI truncated =
          URI.create(
              "http://127.0.0.1:" + raw.getLocalPort() + "/known_exploited_vulnerabilities.json");

      assertThatThrownBy(
              () ->
                  cache(Duration.ofSeconds(5))
                      .fetch(
                          truncated, "kev.json", file -> KevLoader.load(file, messages), messages))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("the download failed: gave up after 3 attempts");
      responder.join(5_000);
    }
    assertThat(cacheFolder.resolve("kev.json")).doesNotExist();
  }

  @Test
  void slowServerTimesOut() {
    delayMillis = 2_000;

    assertThatThrownBy(() -> fetch(cache(Duration.ofMillis(300))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("timed out after 300 ms");
  }

  @Test
  void unreadableFreshCopyIsDownloadedAgain() throws IOException {
    cachedCopy("not json", Duration.ofHours(1));

    FeedCache.Fetched<LoadedFeed<KevCatalog>> fetched = fetch(cache(Duration.ofSeconds(5)));

    assertThat(requests.get()).isEqualTo(1);
    assertThat(fetched.value().data().size()).isEqualTo(2);
    assertThat(messages.list()).singleElement().asString().contains("is downloaded again");
  }

  @Test
  void loaderDownloadsBothFeeds() throws IOException {
    String epss =
        "#model_version:v2025.03.14,score_date:2026-12-04T00:00:00Z\n"
            + "cve,epss,percentile\nCVE-2021-44228,0.94358,0.99957\n";
    server.createContext(
        "/epss/",
        exchange -> {
          byte[] bytes = EpssLoaderTest.gzip(epss);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    URI epssUrl = URI.create(base() + "/epss/epss_scores-current.csv.gz");
    FeedDownload download =
        new FeedDownload(
            cacheFolder,
            epssUrl,
            url(),
            Duration.ofHours(24),
            Duration.ofDays(7),
            Duration.ofSeconds(5));

    LoadedIntel loaded =
        ThreatIntelLoader.load(
            new IntelOptions(List.of(), Optional.empty(), Optional.of(download), clock()),
            messages);

    Path epssFile = cacheFolder.resolve("epss_scores-current.csv.gz");
    FeedInfo epssInfo = loaded.sources().epss().orElseThrow();
    assertThat(epssInfo.version()).isEqualTo("v2025.03.14");
    assertThat(epssInfo.files())
        .containsExactly(
            new FeedFile(
                epssFile.toString(),
                Hashing.sha256(epssFile),
                epssUrl.toString(),
                Optional.of(NOW)));
    assertThat(loaded.sources().kev().orElseThrow().version()).isEqualTo("2026.12.04");
    assertThat(loaded.intel().kev().orElseThrow().lookup("CVE-2024-3400")).isPresent();
    assertThat(loaded.intel().epss().orElseThrow().lookup("CVE-2021-44228")).isPresent();
  }

  @Test
  void credentialsInUrlReachNoMessageOrRecord() throws IOException {
    cachedCopy(KEV_V1, Duration.ofDays(2));
    status = 503;
    URI secretUrl =
        URI.create(
            "http://mirror-user:s3cret-pass@127.0.0.1:"
                + server.getAddress().getPort()
                + "/feeds/kev.json?token=s3cret-token");

    FeedCache.Fetched<LoadedFeed<KevCatalog>> fetched =
        cache(Duration.ofSeconds(5))
            .fetch(secretUrl, "kev.json", file -> KevLoader.load(file, messages), messages);
    status = 500;
    cachedCopy(KEV_V1, Duration.ofDays(30));
    Throwable failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                cache(Duration.ofSeconds(5))
                    .fetch(
                        secretUrl, "kev.json", file -> KevLoader.load(file, messages), messages));

    assertThat(fetched.file().url())
        .isEqualTo("http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/kev.json?...");
    assertThat(messages.list()).isNotEmpty();
    assertThat(messages.list().toString()).doesNotContain("s3cret");
    assertThat(failure).isInstanceOf(InputException.class);
    assertThat(failure.getMessage()).doesNotContain("s3cret");
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 503})
  void refusedDownloadIsRetriedAfterRetryAfter(int refused) throws IOException {
    statuses.add(refused);
    headers.put("Retry-After", "3");

    FeedCache.Fetched<LoadedFeed<KevCatalog>> fetched = fetch(cache(Duration.ofSeconds(5)));

    assertThat(fetched.value().data().catalogVersion()).isEqualTo("2026.12.04");
    assertThat(requests.get()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void redirectIsFollowed() throws IOException {
    statuses.add(302);
    headers.put("Location", "/feeds/mirror/kev.json");

    FeedCache.Fetched<LoadedFeed<KevCatalog>> fetched = fetch(cache(Duration.ofSeconds(5)));

    assertThat(fetched.value().data().catalogVersion()).isEqualTo("2026.12.04");
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void endlessRedirectsFail() {
    status = 302;
    headers.put("Location", "/feeds/again/kev.json");

    assertThatThrownBy(() -> fetch(cache(Duration.ofSeconds(5))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("more than 5 redirects");
    assertThat(requests.get()).isEqualTo(6);
  }

  @Test
  void urlWithoutFileNameIsRejected() {
    assertThatThrownBy(() -> ThreatIntelLoader.fileName(URI.create(base() + "/feeds/")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the URL does not end in a file name");
  }

  private FeedCache.Fetched<LoadedFeed<KevCatalog>> fetch(FeedCache cache) {
    return cache.fetch(url(), "kev.json", file -> KevLoader.load(file, messages), messages);
  }

  /** Returns a cache whose retries record their waits instead of sleeping. */
  private FeedCache cache(Duration timeout) {
    HttpSettings settings = FeedCache.downloadSettings(timeout);
    HttpService http =
        new HttpService(
            settings,
            Credentials.none(),
            new Backoff(settings.initialBackoff(), settings.maxBackoff(), () -> 0.5),
            waits::add,
            Clock.systemUTC());
    return new FeedCache(cacheFolder, Duration.ofHours(24), Duration.ofDays(7), http, clock());
  }

  private void cachedCopy(String content, Duration age) throws IOException {
    Path file = cacheFolder.resolve("kev.json");
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
  }

  private static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private URI url() {
    return URI.create(base() + "/feeds/known_exploited_vulnerabilities.json");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
