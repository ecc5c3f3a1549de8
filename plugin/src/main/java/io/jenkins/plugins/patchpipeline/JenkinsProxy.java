package io.jenkins.plugins.patchpipeline;

import hudson.ProxyConfiguration;
import io.patchpipeline.engine.http.HttpProxy;
import io.patchpipeline.engine.http.HttpSettings;
import jenkins.model.Jenkins;

/**
 * Maps Jenkins' proxy configuration (Manage Jenkins > System > HTTP Proxy Configuration) to the
 * engine's {@link HttpProxy}: server, port, no-proxy hosts and the proxy user and password.
 */
final class JenkinsProxy {
  private JenkinsProxy() {}

  /** Returns the engine's default HTTP settings with the controller's proxy configuration. */
  static HttpSettings settings() {
    return apply(HttpSettings.defaults(), Jenkins.get().proxy);
  }

  /**
   * Returns {@code settings} with {@code proxy} applied, or unchanged when no proxy server is set.
   *
   * @throws IllegalArgumentException when the proxy port is not 1 to 65535 or the user is invalid
   */
  static HttpSettings apply(HttpSettings settings, ProxyConfiguration proxy) {
    if (proxy == null || proxy.getName() == null || proxy.getName().isBlank()) {
      return settings;
    }
    HttpProxy http = HttpProxy.of(proxy.getName(), proxy.getPort(), proxy.getNoProxyHost());
    String user = proxy.getUserName();
    if (user != null && !user.isBlank()) {
      String password =
          proxy.getSecretPassword() == null ? "" : proxy.getSecretPassword().getPlainText();
      http = http.withCredentials(user.trim(), password);
    }
    return settings.withProxy(http);
  }
}
