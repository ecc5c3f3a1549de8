// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.util;

import java.io.Serializable;

/** A secret value. The stub keeps the plain text so that tests can build credentials. */
public final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret fromString(String data) {
    return new Secret(data == null ? "" : data);
  }

  public String getPlainText() {
    return value;
  }
}
