// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

/** Why a build started. Tests construct {@link UserIdCause} with a user id. */
public abstract class Cause {
  protected Cause() {}

  public abstract String getShortDescription();

  /** A build started by a user. */
  public static class UserIdCause extends Cause {
    private final String userId;

    public UserIdCause(String userId) {
      this.userId = userId;
    }

    public String getUserId() {
      return userId;
    }

    @Override
    public String getShortDescription() {
      throw new UnsupportedOperationException();
    }
  }
}
