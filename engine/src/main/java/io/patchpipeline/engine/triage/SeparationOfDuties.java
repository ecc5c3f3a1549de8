package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.policy.Priority;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a person may approve a unit: a person does not approve their own change. The
 * approver must differ from the user who started the run and from the authors of the change that
 * triggered it, unless the policy allows self-approval at the unit's priority. A Jenkins
 * administrator may still approve, and that approval is recorded as an override. User ids compare
 * case-insensitively, as Jenkins' default security realm does.
 */
public final class SeparationOfDuties {
  private SeparationOfDuties() {}

  /** The facts the check reads. */
  public record Request(
      String approver,
      Optional<String> startedBy,
      List<String> changeAuthors,
      boolean administrator,
      Priority priority,
      Set<Priority> selfApproval) {}

  /** Verdict on whether and how an approval may be recorded. */
  public enum Result {
    ALLOWED,
    SELF_APPROVAL_ALLOWED,
    OVERRIDE,
    REJECTED
  }

  /** The result with the reason a person reads when it is rejected or an override. */
  public record Verdict(Result result, String reason) {
    public boolean allowed() {
      return result != Result.REJECTED;
    }
  }

  public static Verdict check(Request request) {
    String approver = request.approver() == null ? "" : request.approver().trim();
    if (approver.isEmpty()) {
      return new Verdict(Result.REJECTED, "no approver was recorded; expected a user id");
    }
    Optional<String> role = conflict(approver, request);
    if (role.isEmpty()) {
      return new Verdict(Result.ALLOWED, "");
    }
    if (request.selfApproval().contains(request.priority())) {
      return new Verdict(
          Result.SELF_APPROVAL_ALLOWED,
          approver
              + " "
              + role.get()
              + "; the policy allows self-approval at "
              + request.priority());
    }
    if (request.administrator()) {
      return new Verdict(
          Result.OVERRIDE,
          approver + " " + role.get() + " and approved as an administrator override");
    }
    return new Verdict(
        Result.REJECTED,
        approver
            + " "
            + role.get()
            + ", so cannot approve a "
            + request.priority()
            + " unit; another person must approve it");
  }

  private static Optional<String> conflict(String approver, Request request) {
    String id = approver.toLowerCase(Locale.ROOT);
    if (request
        .startedBy()
        .map(s -> s.trim().toLowerCase(Locale.ROOT))
        .filter(id::equals)
        .isPresent()) {
      return Optional.of("started this run");
    }
    for (String author : request.changeAuthors()) {
      if (author != null && author.trim().toLowerCase(Locale.ROOT).equals(id)) {
        return Optional.of("wrote the change that triggered this run");
      }
    }
    return Optional.empty();
  }
}
