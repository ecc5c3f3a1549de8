// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

import java.io.Serializable;

/**
 * The result of a build. The real class also implements Stapler's {@code CustomExportedBean}; the
 * stub keeps a name so that tests can tell the constants apart.
 */
public final class Result implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final Result SUCCESS = new Result("SUCCESS");
  public static final Result UNSTABLE = new Result("UNSTABLE");
  public static final Result FAILURE = new Result("FAILURE");
  public static final Result NOT_BUILT = new Result("NOT_BUILT");
  public static final Result ABORTED = new Result("ABORTED");

  private final String name;

  private Result(String name) {
    this.name = name;
  }

  @Override
  public String toString() {
    return name;
  }
}
