// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

/**
 * The build outcome. Unlike other mirrored types, the constants and comparisons work, so that tests
 * can check the result a step set on a build.
 */
public final class Result implements Serializable, CustomExportedBean {
  public static final Result SUCCESS = new Result("SUCCESS", 0);
  public static final Result UNSTABLE = new Result("UNSTABLE", 1);
  public static final Result FAILURE = new Result("FAILURE", 2);
  public static final Result NOT_BUILT = new Result("NOT_BUILT", 3);
  public static final Result ABORTED = new Result("ABORTED", 4);

  private static final long serialVersionUID = 1L;

  private final String name;

  public final int ordinal;

  private Result(String name, int ordinal) {
    this.name = name;
    this.ordinal = ordinal;
  }

  public Result combine(Result that) {
    return ordinal < that.ordinal ? that : this;
  }

  public boolean isWorseThan(Result that) {
    return ordinal > that.ordinal;
  }

  public boolean isBetterOrEqualTo(Result that) {
    return ordinal <= that.ordinal;
  }

  @Override
  public String toString() {
    return name;
  }

  @Override
  public String toExportedObject() {
    return name;
  }
}
