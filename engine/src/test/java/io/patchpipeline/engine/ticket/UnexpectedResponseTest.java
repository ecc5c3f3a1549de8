package io.patchpipeline.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.record.PatchRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A create answered by a redirect, a 2xx without a ticket key, or a body that is not JSON (such as
 * an SSO proxy's login page) fails. Nothing is linked, the outbox keeps the create, and the writes
 * count the requests sent.
 */
class UnexpectedResponseTest {
  private static final int UNITS = 3;

  @TempDir Path temp;

  /** The response of the server under test to a create request; searches find nothing. */
  enum CreateAnswer {
    REDIRECT_ELSEWHERE(302, "", "HTTP 302 redirecting to http://127.0.0.1:1"),
    REDIRECT_SAME_SERVER(307, "", "HTTP 307 redirecting to another path"),
    EMPTY_OBJECT(200, "{}", "returned HTTP 200 with no "),
    CREATED_WITHOUT_KEY(201, "{\"self\":\"x\",\"result\":{\"state\":\"1\"}}", "HTTP 201 with no "),
    LOGIN_PAGE(200, "<html><form>Sign in</form></html>", "a body that is not a JSON object");

    final int status;
    final String body;
    final String expected;

    CreateAnswer(int status, String body, String expected) {
      this.status = status;
      this.body = body;
      this.expected = expected;
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "JIRA_CLOUD, REDIRECT_ELSEWHERE",
    "JIRA_CLOUD, REDIRECT_SAME_SERVER",
    "JIRA_CLOUD, EMPTY_OBJECT",
    "JIRA_CLOUD, CREATED_WITHOUT_KEY",
    "JIRA_CLOUD, LOGIN_PAGE",
    "JIRA_DATA_CENTER, REDIRECT_ELSEWHERE",
    "JIRA_DATA_CENTER, EMPTY_OBJECT",
    "JIRA_DATA_CENTER, LOGIN_PAGE",
    "SERVICENOW, REDIRECT_ELSEWHERE",
    "SERVICENOW, EMPTY_OBJECT",
    "SERVICENOW, CREATED_WITHOUT_KEY",
    "SERVICENOW, LOGIN_PAGE"
  })
  void createFailsAndLinksNothing(TicketSystemType type, CreateAnswer answer) throws Exception {
    try (ProxyLikeServer server = new ProxyLikeServer(answer, false)) {
      Path outbox = temp.resolve("record.json" + Outbox.SUFFIX);

      TicketSyncResult result = sync(type, server.url(), outbox);

      assertThat(result.created()).isZero();
      assertThat(result.failed()).isEqualTo(UNITS);
      assertThat(result.messages())
          .allMatch(m -> m.text().contains(answer.expected), "names the status and answer")
          .allMatch(m -> m.text().contains("check the URL"), "says what to check")
          .allMatch(m -> m.text().contains(server.url().getPath()), "names the URL");
      assertThat(TicketLinks.of(result.record()).units()).isEmpty();
      assertThat(result.writes()).as("writes sent").isEqualTo(server.creates.get());
      assertThat(server.creates.get()).isEqualTo(UNITS);
      assertThat(Outbox.load(outbox, "sys").pending())
          .extracting(Outbox.Entry::operation)
          .containsOnly(Outbox.Operation.CREATE)
          .hasSize(UNITS);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"JIRA_CLOUD", "JIRA_DATA_CENTER", "SERVICENOW"})
  void redirectedSearchCreatesNothing(TicketSystemType type) throws Exception {
    try (ProxyLikeServer server = new ProxyLikeServer(CreateAnswer.REDIRECT_ELSEWHERE, true)) {
      TicketSyncResult result = sync(type, server.url(), temp.resolve("outbox.json"));

      assertThat(result.created()).isZero();
      assertThat(result.failed()).isEqualTo(UNITS);
      assertThat(result.messages()).anyMatch(m -> m.text().contains("HTTP 302"));
      assertThat(server.creates.get()).isZero();
      assertThat(result.writes()).isZero();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "JIRA_CLOUD, EMPTY_OBJECT",
    "JIRA_DATA_CENTER, LOGIN_PAGE",
    "SERVICENOW, CREATED_WITHOUT_KEY",
    "SERVICENOW, REDIRECT_ELSEWHERE"
  })
  void reviewCreateFailsWithoutKey(TicketSystemType type, CreateAnswer answer) throws Exception {
    try (ProxyLikeServer server = new ProxyLikeServer(answer, false)) {
      PatchRecord record = TestRecords.units(1);
      TicketDraft unit = TicketDraft.of(record, record.units().get(0));
      ReviewDraft review =
          ReviewDraft.of(
              unit,
              record.units().get(0).key(),
              Optional.empty(),
              "alice",
              "outage",
              java.time.Instant.parse("2026-12-04T18:00:00Z"));
      TicketClient client =
          TicketClients.create(
              config(type, server.url()), Credentials.bearer(Fixture.SECRET), Clock.systemUTC());

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.createReview(review))
          .isInstanceOf(TicketException.class)
          .hasMessageContaining(answer.expected)
          .hasMessageContaining("check the URL");
    }
  }

  private static TicketSystemConfig config(TicketSystemType type, URI url) {
    TicketSystemConfig.Builder builder =
        TicketSystemConfig.builder("sys", type).url(url).http(Fixture.FAST);
    if (type != TicketSystemType.SERVICENOW) {
      builder.project("SEC");
    }
    return builder.build();
  }

  private TicketSyncResult sync(TicketSystemType type, URI url, Path outbox) throws IOException {
    TicketSystemConfig.Builder builder =
        TicketSystemConfig.builder("sys", type).url(url).http(Fixture.FAST);
    if (type == TicketSystemType.SERVICENOW) {
      builder.fields(Map.of("short_description", "{summary}", "description", "{description}"));
    } else {
      builder.project("SEC");
    }
    PatchRecord record = TestRecords.units(UNITS);
    return TicketSync.of(
            new TicketSyncOptions(
                builder.build(),
                Credentials.bearer(Fixture.SECRET),
                Optional.of(outbox),
                false,
                Clock.systemUTC()))
        .sync(record);
  }

  /**
   * A server on 127.0.0.1 under a base path, such as a proxy in front of a ticket system: searches
   * get an empty page of the API's shape, or the create response when {@code searchesToo} is set.
   */
  private static final class ProxyLikeServer implements AutoCloseable {
    final AtomicInteger creates = new AtomicInteger();
    private final HttpServer server;
    private final CreateAnswer answer;
    private final boolean searchesToo;

    ProxyLikeServer(CreateAnswer answer, boolean searchesToo) throws IOException {
      this.answer = answer;
      this.searchesToo = searchesToo;
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", this::handle);
      server.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tickets");
    }

    private void handle(HttpExchange exchange) throws IOException {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      boolean search =
          path.contains("/search")
              || exchange.getRequestMethod().equals("GET") && path.contains("/api/now/table/");
      if (search && !searchesToo) {
        String page =
            path.contains("/api/now/")
                ? "{\"result\":[]}"
                : "{\"issues\":[],\"isLast\":true,\"total\":0}";
        respond(exchange, 200, page);
        return;
      }
      if (!search) {
        creates.incrementAndGet();
      }
      if (answer.status >= 300 && answer.status < 400) {
        String location =
            answer == CreateAnswer.REDIRECT_ELSEWHERE ? "http://127.0.0.1:1/sso/login" : "/login";
        exchange.getResponseHeaders().add("Location", location);
      }
      respond(exchange, answer.status, answer.body);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
