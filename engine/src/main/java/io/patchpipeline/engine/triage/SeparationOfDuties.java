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
    Optional<String> unsafe = unsafeId(approver);
    if (unsafe.isPresent()) {
      return new Verdict(Result.REJECTED, "approver id is invalid: " + unsafe.get());
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

  /**
   * Returns why an approver id cannot be compared safely: control or invisible formatting
   * characters (zero-width space, right-to-left override, terminal escapes), or letters of more
   * than one script, such as a Cyrillic "а" inside a Latin name. Such an id could pass for the
   * person who started the run while comparing unequal to it.
   */
  static Optional<String> unsafeId(String id) {
    Character.UnicodeScript script = null;
    for (int i = 0; i < id.length(); ) {
      int c = id.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT) {
        return Optional.of(
            String.format(Locale.ROOT, "contains the control or invisible character U+%04X", c));
      }
      if (Character.isLetter(c)) {
        Character.UnicodeScript letterScript = Character.UnicodeScript.of(c);
        if (script != null && script != letterScript) {
          return Optional.of(
              "mixes letters of the " + script + " and " + letterScript + " scripts");
        }
        script = letterScript;
      }
    }
    return Optional.empty();
  }

  /** Returns the id in the form ids are compared in: NFKC-normalized, trimmed and lower case. */
  private static String comparable(String id) {
    return java.text.Normalizer.normalize(id, java.text.Normalizer.Form.NFKC)
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private static Optional<String> conflict(String approver, Request request) {
    String id = comparable(approver);
    if (request.startedBy().map(SeparationOfDuties::comparable).filter(id::equals).isPresent()) {
      return Optional.of("started this run");
    }
    for (String author : request.changeAuthors()) {
      if (author != null && comparable(author).equals(id)) {
        return Optional.of("wrote the change that triggered this run");
      }
    }
    return Optional.empty();
  }
}
