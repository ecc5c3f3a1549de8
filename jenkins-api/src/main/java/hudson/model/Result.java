// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

import java.io.Serializable;

/**
 * The result of a build. The real class also implements {@code CustomExportedBean}. The stub's
 * constants are distinct objects so that tests can tell which result a step set; javac reads them
 * with {@code getstatic}, so the real constants are used inside Jenkins.
 */
public final class Result implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final Result SUCCESS = new Result("SUCCESS");
  public static final Result UNSTABLE = new Result("UNSTABLE");
  public static final Result FAILURE = new Result("FAILURE");

  private final String name;

  private Result(String name) {
    this.name = name;
  }

  @Override
  public String toString() {
    return name;
  }
}
