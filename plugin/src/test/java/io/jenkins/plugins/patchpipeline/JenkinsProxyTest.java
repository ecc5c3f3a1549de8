package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.ProxyConfiguration;
import io.patchpipeline.engine.http.HttpProxy;
import io.patchpipeline.engine.http.HttpSettings;
import java.net.URI;
import org.junit.jupiter.api.Test;

class JenkinsProxyTest {
  private static final String PASSWORD = "proxy-secret-3c2b1a";

  @Test
  void noProxyConfigurationKeepsDirectConnections() {
    assertThat(JenkinsProxy.apply(HttpSettings.defaults(), null).proxy()).isEmpty();
    assertThat(
            JenkinsProxy.apply(
                    HttpSettings.defaults(), new ProxyConfiguration(null, 0, null, null, null))
                .proxy())
        .isEmpty();
  }

  @Test
  void serverPortAndNoProxyHostsAreMapped() {
    HttpSettings settings =
        JenkinsProxy.apply(
            HttpSettings.defaults(),
            new ProxyConfiguration(
                "proxy.corp", 3128, null, null, "*.internal.example\nlocalhost"));

    HttpProxy proxy = (HttpProxy) settings.proxy().orElseThrow();
    assertThat(proxy.host()).isEqualTo("proxy.corp");
    assertThat(proxy.port()).isEqualTo(3128);
    assertThat(proxy.appliesTo(URI.create("https://jira.internal.example/"))).isFalse();
    assertThat(proxy.appliesTo(URI.create("http://localhost:8080/"))).isFalse();
    assertThat(proxy.appliesTo(URI.create("https://example.atlassian.net/"))).isTrue();
    assertThat(proxy.toString()).doesNotContain("user=");
  }

  @Test
  void proxyUserAndPasswordAreMappedAndHidden() {
    HttpSettings settings =
        JenkinsProxy.apply(
            HttpSettings.defaults(),
            new ProxyConfiguration("proxy.corp", 3128, "builder", PASSWORD, null));

    String description = settings.proxy().orElseThrow().toString();
    assertThat(description).contains("user=builder").doesNotContain(PASSWORD);
  }

  @Test
  void otherSettingsAreKept() {
    HttpSettings base = HttpSettings.defaults().withWritesPerSecond(2);

    HttpSettings settings =
        JenkinsProxy.apply(base, new ProxyConfiguration("proxy.corp", 3128, null, null, null));

    assertThat(settings.writesPerSecond()).isEqualTo(2);
    assertThat(settings.requestTimeout()).isEqualTo(base.requestTimeout());
  }

  @Test
  void invalidPortIsRejected() {
    ProxyConfiguration proxy = new ProxyConfiguration("proxy.corp", 70000, null, null, null);

    assertThatThrownBy(() -> JenkinsProxy.apply(HttpSettings.defaults(), proxy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid proxy port 70000");
  }
}
