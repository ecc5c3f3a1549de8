// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/** The outcome of a form check. The stub keeps kind and message so that tests can read them. */
public abstract class FormValidation extends IOException implements HttpResponse {
  private static final long serialVersionUID = 1L;

  public final Kind kind;

  private FormValidation(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public static FormValidation ok() {
    return create(Kind.OK, null);
  }

  public static FormValidation ok(String message) {
    return create(Kind.OK, message);
  }

  public static FormValidation error(String message) {
    return create(Kind.ERROR, message);
  }

  public static FormValidation warning(String message) {
    return create(Kind.WARNING, message);
  }

  public abstract String renderHtml();

  private static FormValidation create(Kind kind, String message) {
    return new FormValidation(kind, message) {
      private static final long serialVersionUID = 1L;

      @Override
      public String renderHtml() {
        throw new UnsupportedOperationException();
      }
    };
  }

  public enum Kind {
    OK,
    WARNING,
    ERROR
  }
}
