// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson;

import java.util.TreeMap;

/**
 * Environment variables, with case-insensitive names as on Windows. The stub's {@link #override}
 * sets or, for an empty value, removes a variable, so that tests can read what an expander set; the
 * real one also handles {@code PATH+XYZ} prefixes.
 */
public class EnvVars extends TreeMap<String, String> {
  private static final long serialVersionUID = 1L;

  public EnvVars() {
    super(String.CASE_INSENSITIVE_ORDER);
  }

  public void override(String key, String value) {
    if (value == null || value.isEmpty()) {
      remove(key);
      return;
    }
    put(key, value);
  }
}
