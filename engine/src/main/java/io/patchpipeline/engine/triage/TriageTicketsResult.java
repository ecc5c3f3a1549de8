package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.core.Message;
import java.util.List;

/**
 * The outcome of {@link TriageTickets#write}.
 *
 * @param record the record with comment marks and review ticket keys, to be written by the caller
 * @param alreadyCommented comments skipped because an earlier run over the record wrote them
 * @param reviewsFound reviews that a search found, because an earlier run had opened them
 * @param messages one error per write that failed
 */
public record TriageTicketsResult(
    io.patchpipeline.engine.record.PatchRecord record,
    int commented,
    int alreadyCommented,
    int reviewsOpened,
    int reviewsFound,
    List<Message> messages) {

  public TriageTicketsResult {
    messages = List.copyOf(messages);
  }

  /** Returns whether any write failed. */
  public boolean failed() {
    return messages.stream().anyMatch(m -> m.level() == Message.Level.ERROR);
  }

  /**
   * Returns a one-line summary, such as {@code Triage on tickets in jira-sec: 4 comments written, 3
   * already written; 1 post-incident review opened, 0 found from an earlier run}.
   */
  public String summary(String system) {
    String text =
        "Triage on tickets in "
            + system
            + ": "
            + commented
            + " comments written, "
            + alreadyCommented
            + " already written";
    if (reviewsOpened + reviewsFound > 0) {
      text +=
          "; "
              + reviewsOpened
              + (reviewsOpened == 1 ? " post-incident review" : " post-incident reviews")
              + " opened, "
              + reviewsFound
              + " found from an earlier run";
    }
    return text;
  }
}
