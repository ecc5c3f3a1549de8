// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson;

import hudson.model.AbstractDescribableImpl;
import hudson.model.Saveable;
import hudson.util.Secret;
import java.io.IOException;
import java.io.Serializable;

/**
 * Jenkins' HTTP proxy configuration ({@code Jenkins.get().proxy}). The stub keeps the constructor's
 * values so that tests can build one; the real constructor also trims blank values to null.
 */
public final class ProxyConfiguration extends AbstractDescribableImpl<ProxyConfiguration>
    implements Saveable, Serializable {
  private static final long serialVersionUID = 1L;

  public final String name;
  public final int port;
  private final String userName;
  private final String noProxyHost;
  private final Secret secretPassword;

  public ProxyConfiguration(
      String name, int port, String userName, String password, String noProxyHost) {
    this.name = name;
    this.port = port;
    this.userName = userName;
    this.secretPassword = password == null ? null : Secret.fromString(password);
    this.noProxyHost = noProxyHost;
  }

  public String getUserName() {
    return userName;
  }

  public Secret getSecretPassword() {
    return secretPassword;
  }

  public int getPort() {
    return port;
  }

  public String getName() {
    return name;
  }

  public String getNoProxyHost() {
    return noProxyHost;
  }

  @Override
  public void save() throws IOException {
    throw new UnsupportedOperationException();
  }
}
