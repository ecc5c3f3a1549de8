package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.policy.Priority;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The difference a sync writes into an existing ticket. A priority is raised but never lowered: a
 * lower computed priority is reported in the comment and left for a person to apply.
 *
 * @param writePriority whether the update sets the priority and due date fields
 * @param after the state the ticket has after the update
 */
public record TicketChange(
    List<String> newCves,
    List<String> goneCves,
    List<String> newAssets,
    List<String> goneAssets,
    Optional<Priority> raisedFrom,
    Optional<Priority> notLoweredTo,
    boolean writePriority,
    boolean untracked,
    boolean unchanged,
    SyncState after) {

  public TicketChange {
    newCves = List.copyOf(newCves);
    goneCves = List.copyOf(goneCves);
    newAssets = List.copyOf(newAssets);
    goneAssets = List.copyOf(goneAssets);
  }

  /** Compares the state stored in a ticket with {@code draft}. */
  public static TicketChange between(Optional<SyncState> before, TicketDraft draft) {
    SyncState wanted = draft.state();
    if (before.isEmpty()) {
      return new TicketChange(
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          false,
          true,
          false,
          wanted);
    }
    SyncState old = before.get();
    boolean unchanged =
        old.hash().equals(wanted.hash()) && old.computedPriority() == draft.priority();
    boolean raised = draft.priority().ordinal() < old.priority().ordinal();
    boolean lowered = draft.priority().ordinal() > old.priority().ordinal();
    Priority applied = lowered ? old.priority() : draft.priority();
    LocalDate due = lowered ? old.dueDate() : min(old.dueDate(), draft.dueDate());
    SyncState after =
        new SyncState(
            applied, draft.priority(), due, wanted.cves(), wanted.assets(), wanted.hash());
    return new TicketChange(
        minus(wanted.cves(), old.cves()),
        minus(old.cves(), wanted.cves()),
        minus(wanted.assets(), old.assets()),
        minus(old.assets(), wanted.assets()),
        raised ? Optional.of(old.priority()) : Optional.empty(),
        lowered && old.computedPriority() != draft.priority()
            ? Optional.of(draft.priority())
            : Optional.empty(),
        !lowered,
        false,
        unchanged,
        after);
  }

  /** Returns the comment that lists the changes, one line per change. */
  public String comment() {
    List<String> lines = new ArrayList<>();
    lines.add(
        untracked
            ? "Patch Pipeline now tracks this ticket and updated its description from the latest"
                + " scan. It did not change the priority."
            : "Patch Pipeline updated this ticket from the latest scan.");
    addList(lines, "New CVEs: ", newCves);
    addList(lines, "CVEs no longer reported: ", goneCves);
    addList(lines, "New affected assets: ", newAssets);
    addList(lines, "Assets no longer affected: ", goneAssets);
    raisedFrom.ifPresent(
        from ->
            lines.add(
                "Priority raised from "
                    + from
                    + " to "
                    + after.priority()
                    + ", due "
                    + after.dueDate()
                    + "."));
    notLoweredTo.ifPresent(
        to ->
            lines.add(
                "The latest scan rates this unit "
                    + to
                    + ". The priority stays "
                    + after.priority()
                    + " until someone lowers it by hand."));
    if (lines.size() == 1 && !untracked) {
      lines.add("The threat data or the due date changed; the description shows the new values.");
    }
    return String.join("\n", lines);
  }

  private static void addList(List<String> lines, String label, List<String> values) {
    if (!values.isEmpty()) {
      lines.add(label + String.join(", ", values) + ".");
    }
  }

  private static List<String> minus(List<String> a, List<String> b) {
    java.util.Set<String> other = new java.util.HashSet<>(b);
    return a.stream().filter(v -> !other.contains(v)).toList();
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
