package io.patchpipeline.engine.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An HTTP proxy server with the hosts that bypass it and optional HTTP Basic proxy credentials, as
 * Jenkins' proxy configuration describes them. {@link HttpService} sends the credentials as {@code
 * Proxy-Authorization} only on requests that go through this proxy, so they never reach a server
 * that is contacted directly. {@link #toString()} never shows the password.
 */
public final class HttpProxy extends ProxySelector {
  private final String host;
  private final int port;
  private final List<Pattern> noProxyHosts;
  private final String user;
  private final String password;

  private HttpProxy(
      String host, int port, List<Pattern> noProxyHosts, String user, String password) {
    this.host = host;
    this.port = port;
    this.noProxyHosts = List.copyOf(noProxyHosts);
    this.user = user;
    this.password = password;
  }

  /**
   * Returns a proxy without credentials.
   *
   * @param noProxyHosts host patterns that connect directly, in Jenkins' syntax: entries separated
   *     by spaces, commas, line breaks or {@code |}, each matching a whole host name, where {@code
   *     *} matches any characters, compared ignoring case; {@code null} for none
   * @throws IllegalArgumentException when the host is blank or the port is not 1 to 65535
   */
  public static HttpProxy of(String host, int port, String noProxyHosts) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("invalid proxy host: it must not be empty");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(
          "invalid proxy port " + port + " for proxy " + host.trim() + ": expected 1 to 65535");
    }
    return new HttpProxy(host.trim(), port, patterns(noProxyHosts), null, null);
  }

  /**
   * Returns a copy that authenticates to the proxy with HTTP Basic.
   *
   * @throws IllegalArgumentException when the user is empty or contains {@code :}
   */
  public HttpProxy withCredentials(String proxyUser, String proxyPassword) {
    if (proxyUser == null || proxyUser.isEmpty() || proxyUser.contains(":")) {
      throw new IllegalArgumentException(
          "invalid proxy user: it must not be empty and HTTP Basic forbids ':' in it");
    }
    return new HttpProxy(
        host, port, noProxyHosts, proxyUser, Objects.requireNonNullElse(proxyPassword, ""));
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** Returns whether a request to {@code uri} goes through the proxy. */
  public boolean appliesTo(URI uri) {
    String target = uri.getHost();
    if (target == null) {
      return false;
    }
    String lower = target.toLowerCase(Locale.ROOT);
    return noProxyHosts.stream().noneMatch(p -> p.matcher(lower).matches());
  }

  @Override
  public List<Proxy> select(URI uri) {
    Objects.requireNonNull(uri, "uri");
    if (!appliesTo(uri)) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(host, port)));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    // HttpService reports the failure of the request; there is no second proxy to fall back to.
  }

  /** Returns the {@code Proxy-Authorization} value, absent without credentials. */
  Optional<String> authorization() {
    return user == null ? Optional.empty() : Optional.of("Basic " + basicToken());
  }

  /** Returns every form in which the proxy password could show up in text, for {@link Redactor}. */
  List<String> secretForms() {
    List<String> forms = new ArrayList<>();
    if (user != null) {
      forms.add(password);
      forms.add(basicToken());
    }
    return forms;
  }

  private String basicToken() {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static List<Pattern> patterns(String noProxyHosts) {
    List<Pattern> patterns = new ArrayList<>();
    if (noProxyHosts == null) {
      return patterns;
    }
    for (String entry : noProxyHosts.split("[ \\t\\r\\n,|]+")) {
      if (entry.isEmpty()) {
        continue;
      }
      StringBuilder regex = new StringBuilder();
      String[] parts = entry.toLowerCase(Locale.ROOT).split("\\*", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          regex.append(".*");
        }
        regex.append(Pattern.quote(parts[i]));
      }
      patterns.add(Pattern.compile(regex.toString()));
    }
    return patterns;
  }

  @Override
  public String toString() {
    return "HttpProxy["
        + host
        + ":"
        + port
        + ", "
        + noProxyHosts.size()
        + " no-proxy patterns"
        + (user == null ? "" : ", user=" + user + ", password=****")
        + "]";
  }
}
