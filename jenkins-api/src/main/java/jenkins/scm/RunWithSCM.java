// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package jenkins.scm;

import hudson.model.Job;
import hudson.model.Run;
import hudson.scm.ChangeLogSet;
import java.util.List;

/** A run that records SCM changes; Pipeline's WorkflowRun implements it. */
public interface RunWithSCM<
    JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT> & RunWithSCM<JobT, RunT>> {
  List<ChangeLogSet<? extends ChangeLogSet.Entry>> getChangeSets();
}
