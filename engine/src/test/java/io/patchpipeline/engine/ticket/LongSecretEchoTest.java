package io.patchpipeline.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.http.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that echoes the credentials in a long error body gets them masked in every message,
 * however long the token: the body is masked before it is cut.
 */
class LongSecretEchoTest {
  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(ints = {10, 300, 600})
  void echoedTokenIsMasked(int length) throws Exception {
    String secret = "LONGSECRET" + "x".repeat(length - 10);

    List<Message> messages = syncAgainstEchoServer(Credentials.basic("a", secret));

    assertNoPartOf(secret, "a", messages);
  }

  @Test
  void multiLineTokenFileIsMasked() throws Exception {
    Path tokenFile =
        Files.writeString(
            temp.resolve("token.txt"),
            "-----BEGIN TOKEN-----\n" + "QUJDREVGR0hJSktMTU5PUA".repeat(20) + "\nline-two-of-it\n");
    SecretRef ref =
        new SecretRef(
            Optional.of("bot@example.com"), Optional.empty(), Optional.of(tokenFile), "t");
    String secret = Files.readString(tokenFile).strip();

    List<Message> messages = syncAgainstEchoServer(ref.resolve(name -> null));

    assertNoPartOf(secret, "bot@example.com", messages);
  }

  private static void assertNoPartOf(String secret, String user, List<Message> messages) {
    String basic =
        Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    assertThat(messages).isNotEmpty();
    for (Message message : messages) {
      String text = message.text();
      assertThat(text).contains("HTTP 401").contains("****");
      assertThat(text).doesNotContain(secret.substring(0, 8));
      assertThat(text).doesNotContain(basic.substring(8, 16));
      assertThat(text).doesNotContain(secret.substring(secret.length() - 8));
    }
  }

  private List<Message> syncAgainstEchoServer(Credentials credentials) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", LongSecretEchoTest::echo);
    server.start();
    try {
      TicketSystemConfig config =
          TicketSystemConfig.builder("jira", TicketSystemType.JIRA_CLOUD)
              .url(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
              .project("SEC")
              .http(Fixture.FAST)
              .build();
      return TicketSync.of(
              new TicketSyncOptions(
                  config, credentials, Optional.empty(), false, Clock.systemUTC()))
          .sync(TestRecords.units(1))
          .messages();
    } finally {
      server.stop(0);
    }
  }

  /** Returns 401 with the Authorization header and the decoded token, as a careless proxy does. */
  private static void echo(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String decoded =
        new String(
            Base64.getDecoder().decode(authorization.substring("Basic ".length())),
            StandardCharsets.UTF_8);
    byte[] body =
        Json.mapper()
            .writeValueAsBytes(
                Map.of(
                    "errorMessages",
                    List.of("Unauthorized: bad credentials " + authorization),
                    "errors",
                    Map.of("token", decoded)));
    exchange.sendResponseHeaders(401, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
