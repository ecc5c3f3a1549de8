// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    extends AbstractItem {
  protected Job() {}

  public RunT getLastBuild() {
    throw new UnsupportedOperationException();
  }
}
