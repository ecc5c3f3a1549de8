package io.jenkins.plugins.patchpipeline;

import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.User;
import hudson.scm.ChangeLogSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import jenkins.scm.RunWithSCM;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Reads who is who on a run from what Jenkins recorded: the approver of the latest approved input,
 * the user who started the build, and the authors of the changes it built.
 */
final class RunIdentities {
  private RunIdentities() {}

  /**
   * Returns the user who approved the most recent input of {@code run}. The input step adds one
   * {@link ApproverAction} per approved input without naming the input, so the latest one is taken:
   * record the approval right after its input step.
   */
  static Optional<String> latestApprover(Run<?, ?> run) {
    List<ApproverAction> approvals = run.getActions(ApproverAction.class);
    return approvals.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(approvals.get(approvals.size() - 1).getUserId());
  }

  /** Returns the user who started the build, when a user did (not a timer or an SCM push). */
  static Optional<String> startedBy(Run<?, ?> run) {
    Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
    return cause == null ? Optional.empty() : Optional.ofNullable(cause.getUserId());
  }

  /**
   * Returns the Jenkins user ids of the authors of the changes this build checked out. Only runs
   * that record changes (Pipeline runs do) have any.
   */
  static List<String> changeAuthors(Run<?, ?> run) {
    Set<String> authors = new LinkedHashSet<>();
    if (run instanceof RunWithSCM<?, ?> withScm) {
      for (ChangeLogSet<? extends ChangeLogSet.Entry> changes : withScm.getChangeSets()) {
        for (ChangeLogSet.Entry entry : changes) {
          User author = entry.getAuthor();
          if (author != null) {
            authors.add(author.getId());
          }
        }
      }
    }
    return new ArrayList<>(authors);
  }

  /** Returns whether {@code userId} has Overall/Administer, as Jenkins' ACL decides. */
  static boolean isAdministrator(String userId) {
    User user = User.getById(userId, false);
    if (user == null) {
      return false;
    }
    try {
      return Jenkins.get().getACL().hasPermission2(user.impersonate2(), Jenkins.ADMINISTER);
    } catch (UsernameNotFoundException e) {
      // A user that the security realm no longer has gets no permission.
      return false;
    }
  }
}
