package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.policy.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One ticket of the {@link FileTicketStore}, stored as {@code <key>.json}.
 *
 * @param status {@code open} or {@code closed}
 * @param attachments file names under {@code <key>-attachments/}
 */
public record FileTicket(
    String key,
    String dedupKey,
    String unitId,
    String summary,
    String description,
    Priority priority,
    LocalDate dueDate,
    List<String> labels,
    String status,
    List<Comment> comments,
    List<String> attachments,
    SyncState state,
    Instant createdAt,
    Instant updatedAt) {

  public FileTicket {
    labels = List.copyOf(labels);
    comments = List.copyOf(comments);
    attachments = List.copyOf(attachments);
  }

  /** A comment with its time. */
  public record Comment(Instant at, String text) {}
}
