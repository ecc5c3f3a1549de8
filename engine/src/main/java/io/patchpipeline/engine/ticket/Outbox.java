package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.patchpipeline.engine.core.AtomicFiles;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.core.JsonProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ticket writes a run decided on, persisted beside the record before any of them is sent. An
 * entry stays {@link State#PENDING} until its write succeeded, so a run that crashed in between
 * leaves a trace, and the next run searches by the dedup key before it creates anything: a ticket
 * the crashed run created is found and updated, not opened twice. Stores no request body and no
 * secret. Not thread-safe.
 */
public final class Outbox {
  /** The suffix of the outbox file name after the record's file name. */
  public static final String SUFFIX = ".tickets-outbox.json";

  /** A write to a ticket. */
  public enum Operation {
    CREATE,
    CREATE_REVIEW,
    UPDATE,
    COMMENT,
    CLOSE,
    ATTACH
  }

  /** Whether a write has been confirmed by the ticket system. */
  public enum State {
    PENDING,
    DONE
  }

  /**
   * One decided write.
   *
   * @param idempotencyKey identifies the write across runs: the same unit, operation and content
   *     give the same key
   * @param ticketKey the ticket's key once known
   */
  public record Entry(
      String unitId,
      String dedupKey,
      Operation operation,
      String idempotencyKey,
      State state,
      Optional<String> ticketKey,
      Instant decidedAt) {

    Entry done(String key) {
      return new Entry(
          unitId,
          dedupKey,
          operation,
          idempotencyKey,
          State.DONE,
          Optional.ofNullable(key),
          decidedAt);
    }
  }

  private record Content(String system, List<Entry> entries) {}

  private final Path file;
  private final String system;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private Outbox(Path file, String system) {
    this.file = file;
    this.system = system;
  }

  /** Returns the outbox file that belongs to {@code record}. */
  public static Path besideRecord(Path record) {
    return record.resolveSibling(record.getFileName() + SUFFIX);
  }

  /** Reads {@code file}, or starts an empty outbox when it does not exist. */
  public static Outbox load(Path file, String system) throws IOException {
    Outbox outbox = new Outbox(file, system);
    if (Files.exists(file)) {
      Content content;
      try {
        content = Json.mapper().readValue(file.toFile(), Content.class);
      } catch (JsonProcessingException e) {
        throw JsonProblems.error(file.toString(), "invalid ticket outbox", e);
      }
      if (content.entries() != null) {
        content.entries().forEach(e -> outbox.entries.put(e.idempotencyKey(), e));
      }
    }
    return outbox;
  }

  public Path file() {
    return file;
  }

  public List<Entry> pending() {
    return entries.values().stream().filter(e -> e.state() == State.PENDING).toList();
  }

  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** Adds a pending entry, or keeps the existing one with the same idempotency key. */
  public void add(Entry entry) {
    entries.putIfAbsent(entry.idempotencyKey(), entry);
  }

  public void markDone(String idempotencyKey, String ticketKey) {
    Entry entry = entries.get(idempotencyKey);
    if (entry != null) {
      entries.put(idempotencyKey, entry.done(ticketKey));
    }
  }

  /** Removes the entry of {@code idempotencyKey}, after the system rejected its write. */
  public void remove(String idempotencyKey) {
    entries.remove(idempotencyKey);
  }

  /** Removes every pending entry of {@code unitId}, once a search showed what the ticket holds. */
  public void settle(String unitId) {
    entries.values().removeIf(e -> e.unitId().equals(unitId) && e.state() == State.PENDING);
  }

  /** Writes the outbox atomically; removes the file when no entry is pending. */
  public void save() throws IOException {
    if (pending().isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    Content content = new Content(system, new ArrayList<>(entries.values()));
    AtomicFiles.write(file, out -> Json.mapper().writeValue(out, content));
  }
}
