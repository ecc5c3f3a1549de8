package io.patchpipeline.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests through a recording proxy on 127.0.0.1, no-proxy patterns and proxy secrecy. */
class HttpProxyTest {
  private static final String TOKEN = "api-token-5e4d3c2b1a";
  private static final String PROXY_PASSWORD = "proxy-pass-7f6e5d4c";

  private static HttpService service(HttpProxy proxy) {
    HttpSettings settings =
        HttpSettings.defaults()
            .withRequestTimeout(Duration.ofSeconds(5))
            .withWritesPerSecond(0)
            .withProxy(proxy);
    return new HttpService(settings, Credentials.bearer(TOKEN));
  }

  @ParameterizedTest
  @CsvSource({
    "'*.internal.example', jira.internal.example, false",
    "'*.internal.example', JIRA.Internal.Example, false",
    "'*.internal.example', internal.example.evil, true",
    "'127.0.0.1', 127.0.0.1, false",
    "'127.0.0.1', 127.0.0.10, true",
    "'a.b', aXb, true",
    "'localhost, *.corp | 10.*', build.corp, false",
    "'localhost, *.corp | 10.*', 10.1.2.3, false",
    "'localhost, *.corp | 10.*', corp.example, true",
    "'', tickets.example, true",
  })
  void noProxyPatternsFollowJenkinsSyntax(String patterns, String host, boolean proxied) {
    HttpProxy proxy = HttpProxy.of("proxy.corp", 3128, patterns);

    assertThat(proxy.appliesTo(URI.create("https://" + host + "/rest"))).isEqualTo(proxied);
  }

  @Test
  void selectReturnsProxyOrDirect() {
    HttpProxy proxy = HttpProxy.of("127.0.0.1", 3128, "direct.example");

    assertThat(proxy.select(URI.create("http://direct.example/"))).containsExactly(Proxy.NO_PROXY);
    assertThat(proxy.select(URI.create("http://tickets.example/")).get(0).type())
        .isEqualTo(Proxy.Type.HTTP);
  }

  @Test
  void requestGoesThroughProxyWithProxyCredentials() throws Exception {
    try (RecordingProxy proxyServer = new RecordingProxy(200);
        ScriptedServer origin = new ScriptedServer()) {
      HttpProxy proxy =
          HttpProxy.of("127.0.0.1", proxyServer.port(), "127.0.0.1")
              .withCredentials("builder", PROXY_PASSWORD);
      URI target =
          URI.create("http://localhost:" + origin.uri("/").getPort() + "/rest/api/2/myself");

      service(proxy).send(ApiRequest.get(target));

      assertThat(origin.seen()).isEmpty();
      assertThat(proxyServer.seen()).hasSize(1);
      RecordingProxy.Seen seen = proxyServer.seen().get(0);
      assertThat(seen.requestLine()).isEqualTo("GET " + target + " HTTP/1.1");
      assertThat(seen.headers().get("proxy-authorization"))
          .isEqualTo("Basic " + basic("builder", PROXY_PASSWORD));
    }
  }

  @Test
  void noProxyHostGetsNoProxyCredentials() throws Exception {
    try (RecordingProxy proxyServer = new RecordingProxy(200);
        ScriptedServer origin = new ScriptedServer()) {
      HttpProxy proxy =
          HttpProxy.of("127.0.0.1", proxyServer.port(), "127.0.0.1")
              .withCredentials("builder", PROXY_PASSWORD);

      service(proxy).send(ApiRequest.get(origin.uri("/rest/api/2/myself")));

      assertThat(proxyServer.seen()).isEmpty();
      assertThat(origin.seen()).hasSize(1);
      assertThat(origin.seen().get(0).headers()).doesNotContainKey("Proxy-authorization");
      assertThat(origin.seen().get(0).headers().get("Authorization"))
          .containsExactly("Bearer " + TOKEN);
    }
  }

  @Test
  void proxyWithoutCredentialsSendsNoProxyAuthorization() throws Exception {
    try (RecordingProxy proxyServer = new RecordingProxy(200)) {
      HttpProxy proxy = HttpProxy.of("127.0.0.1", proxyServer.port(), null);

      service(proxy).send(ApiRequest.get(URI.create("http://localhost:9/ping")));

      assertThat(proxyServer.seen()).hasSize(1);
      assertThat(proxyServer.seen().get(0).headers()).doesNotContainKey("proxy-authorization");
    }
  }

  @Test
  void rejectedProxyCredentialsStayOutOfTheError() throws Exception {
    try (RecordingProxy proxyServer = new RecordingProxy(407)) {
      HttpProxy proxy =
          HttpProxy.of("127.0.0.1", proxyServer.port(), null)
              .withCredentials("builder", PROXY_PASSWORD);
      URI target = URI.create("http://localhost:9/" + PROXY_PASSWORD);

      assertThatThrownBy(() -> service(proxy).send(ApiRequest.get(target)))
          .isInstanceOf(HttpException.class)
          .hasMessageContaining("HTTP 407")
          .hasMessageContaining("proxy")
          .hasMessageNotContaining(PROXY_PASSWORD)
          .hasMessageNotContaining(basic("builder", PROXY_PASSWORD));
    }
  }

  @Test
  void httpsTargetSendsOnlyConnectToProxy() throws Exception {
    try (RecordingProxy proxyServer = new RecordingProxy(407)) {
      HttpProxy proxy =
          HttpProxy.of("127.0.0.1", proxyServer.port(), null)
              .withCredentials("builder", PROXY_PASSWORD);
      HttpService service =
          new HttpService(
              HttpSettings.defaults()
                  .withRequestTimeout(Duration.ofSeconds(5))
                  .withMaxAttempts(1)
                  .withProxy(proxy),
              Credentials.bearer(TOKEN));

      assertThatThrownBy(
              () ->
                  service.send(ApiRequest.get(URI.create("https://localhost:9/rest/api/3/myself"))))
          .isInstanceOf(HttpException.class)
          .hasMessageNotContaining(PROXY_PASSWORD)
          .hasMessageNotContaining(TOKEN);

      // The tunnel request carries no ticket-system credential: Java sends the Authorization
      // header only inside the tunnel, to the server itself.
      assertThat(proxyServer.seen()).hasSize(1);
      RecordingProxy.Seen connect = proxyServer.seen().get(0);
      assertThat(connect.requestLine()).isEqualTo("CONNECT localhost:9 HTTP/1.1");
      assertThat(connect.headers()).doesNotContainKey("authorization");
    }
  }

  @Test
  void descriptionHidesThePassword() {
    HttpProxy proxy =
        HttpProxy.of("proxy.corp", 3128, "*.corp").withCredentials("builder", PROXY_PASSWORD);

    assertThat(proxy.toString())
        .contains("proxy.corp:3128", "user=builder")
        .doesNotContain(PROXY_PASSWORD);
  }

  @ParameterizedTest
  @CsvSource({"'', 3128", "proxy.corp, 0", "proxy.corp, 65536"})
  void invalidProxyIsRejected(String host, int port) {
    assertThatThrownBy(() -> HttpProxy.of(host, port, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid proxy");
  }

  @Test
  void userWithColonIsRejected() {
    HttpProxy proxy = HttpProxy.of("proxy.corp", 3128, null);

    assertThatThrownBy(() -> proxy.withCredentials("a:b", "secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid proxy user");
  }

  private static String basic(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
