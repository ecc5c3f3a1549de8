package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.core.AtomicFiles;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded ticket system: one JSON file per ticket in a folder, written atomically, with the
 * same dedup, update, comment and close behaviour as the servers. Needs no server and no
 * credentials, so the demo and dry runs use it. Not safe for two processes writing one folder.
 */
public final class FileTicketStore implements TicketClient {
  private static final Pattern FILE_NAME = Pattern.compile("PP-(\\d+)\\.json");

  private final TicketSystemConfig config;
  private final Path folder;
  private final Clock clock;
  private Map<String, FileTicket> byDedupKey;
  private int lastNumber;

  public FileTicketStore(TicketSystemConfig config, Clock clock) {
    this.config = config;
    this.folder = config.folder().orElseThrow();
    this.clock = clock;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public int searchBatchSize() {
    return config.searchBatchSize();
  }

  @Override
  public synchronized Map<String, RemoteTicket> find(Collection<String> dedupKeys)
      throws IOException {
    Map<String, FileTicket> index = index();
    Map<String, RemoteTicket> found = new LinkedHashMap<>();
    for (String key : dedupKeys) {
      FileTicket ticket = index.get(key);
      if (ticket != null) {
        found.put(key, toRemote(ticket));
      }
    }
    return found;
  }

  @Override
  public synchronized RemoteTicket create(TicketDraft draft) throws IOException {
    index();
    String key = "PP-" + (++lastNumber);
    FileTicket ticket =
        new FileTicket(
            key,
            draft.dedupKey(),
            draft.unitId(),
            draft.summary(),
            TextRenderer.render(TicketDocument.of(draft)),
            draft.priority(),
            draft.dueDate(),
            labels(draft),
            "open",
            List.of(),
            List.of(),
            draft.state(),
            clock.instant(),
            clock.instant());
    save(ticket);
    return toRemote(ticket);
  }

  @Override
  public synchronized RemoteTicket createReview(ReviewDraft draft) throws IOException {
    index();
    String key = "PP-" + (++lastNumber);
    List<String> labels = new ArrayList<>(config.labels());
    labels.addAll(draft.labels());
    FileTicket ticket =
        new FileTicket(
            key,
            draft.dedupKey(),
            draft.unitId(),
            draft.summary(),
            TextRenderer.render(draft.document()),
            draft.priority(),
            null,
            labels,
            "open",
            List.of(),
            List.of(),
            null,
            clock.instant(),
            clock.instant());
    save(ticket);
    return toRemote(ticket);
  }

  @Override
  public synchronized void update(RemoteTicket remote, TicketDraft draft, TicketChange change)
      throws IOException {
    FileTicket old = load(remote);
    SyncState after = change.after();
    FileTicket ticket =
        new FileTicket(
            old.key(),
            old.dedupKey(),
            draft.unitId(),
            draft.summary(),
            TextRenderer.render(TicketDocument.of(draft)),
            change.writePriority() ? after.priority() : old.priority(),
            change.writePriority() ? after.dueDate() : old.dueDate(),
            merge(old.labels(), labels(draft)),
            old.status(),
            append(old.comments(), change.comment()),
            old.attachments(),
            after,
            old.createdAt(),
            clock.instant());
    save(ticket);
  }

  @Override
  public synchronized void comment(RemoteTicket remote, String text) throws IOException {
    FileTicket old = load(remote);
    save(withStatus(old, old.status(), append(old.comments(), text), old.attachments()));
  }

  @Override
  public synchronized void close(RemoteTicket remote, String text) throws IOException {
    FileTicket old = load(remote);
    save(withStatus(old, "closed", append(old.comments(), text), old.attachments()));
  }

  @Override
  public synchronized void attach(RemoteTicket remote, Path file) throws IOException {
    FileTicket old = load(remote);
    String name = String.valueOf(file.getFileName());
    Path attachmentFolder = folder.resolve(old.key() + "-attachments");
    Files.createDirectories(attachmentFolder);
    Files.copy(file, attachmentFolder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    List<String> attachments = new ArrayList<>(old.attachments());
    if (!attachments.contains(name)) {
      attachments.add(name);
    }
    save(withStatus(old, old.status(), old.comments(), attachments));
  }

  @Override
  public String checkConnection() throws IOException {
    Files.createDirectories(folder);
    if (!Files.isWritable(folder)) {
      throw new TicketException("The ticket folder " + folder + " is not writable");
    }
    return "The ticket folder " + folder + " is writable.";
  }

  private FileTicket withStatus(
      FileTicket old, String status, List<FileTicket.Comment> comments, List<String> attachments) {
    return new FileTicket(
        old.key(),
        old.dedupKey(),
        old.unitId(),
        old.summary(),
        old.description(),
        old.priority(),
        old.dueDate(),
        old.labels(),
        status,
        comments,
        attachments,
        old.state(),
        old.createdAt(),
        clock.instant());
  }

  private Map<String, FileTicket> index() throws IOException {
    if (byDedupKey != null) {
      return byDedupKey;
    }
    Map<String, FileTicket> index = new HashMap<>();
    if (Files.isDirectory(folder)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "PP-*.json")) {
        for (Path file : files) {
          Matcher matcher = FILE_NAME.matcher(String.valueOf(file.getFileName()));
          if (matcher.matches()) {
            lastNumber = Math.max(lastNumber, Integer.parseInt(matcher.group(1)));
            FileTicket ticket = read(file);
            index.merge(
                ticket.dedupKey(), ticket, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? b : a);
          }
        }
      }
    }
    byDedupKey = index;
    return index;
  }

  private FileTicket load(RemoteTicket remote) throws IOException {
    return read(folder.resolve(remote.key() + ".json"));
  }

  private static FileTicket read(Path file) throws IOException {
    try {
      return Json.mapper().readValue(file.toFile(), FileTicket.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InputException(
          file.toString(), "", "invalid ticket file: " + e.getOriginalMessage(), e);
    }
  }

  private void save(FileTicket ticket) throws IOException {
    AtomicFiles.write(
        folder.resolve(ticket.key() + ".json"), out -> Json.mapper().writeValue(out, ticket));
    index().put(ticket.dedupKey(), ticket);
  }

  private RemoteTicket toRemote(FileTicket ticket) {
    return new RemoteTicket(
        ticket.key(),
        ticket.key(),
        folder.resolve(ticket.key() + ".json").toUri().toString(),
        ticket.dedupKey(),
        ticket.status(),
        Optional.ofNullable(ticket.state()));
  }

  private List<String> labels(TicketDraft draft) {
    List<String> labels = new ArrayList<>(config.labels());
    labels.add(draft.dedupKey());
    labels.addAll(draft.cveIds());
    return labels;
  }

  private static List<String> merge(List<String> old, List<String> added) {
    List<String> result = new ArrayList<>(old);
    added.stream().filter(l -> !result.contains(l)).forEach(result::add);
    return result;
  }

  private List<FileTicket.Comment> append(List<FileTicket.Comment> comments, String text) {
    List<FileTicket.Comment> result = new ArrayList<>(comments);
    result.add(new FileTicket.Comment(clock.instant(), text));
    return result;
  }
}
