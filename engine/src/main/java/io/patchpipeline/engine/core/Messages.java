package io.patchpipeline.engine.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Ordered collector of the messages a run produces. Repeated warnings with the same text are
 * counted once and summarized, so a report with 10,000 identical problems prints one line.
 */
public final class Messages {
  private final List<Message> lines = new ArrayList<>();
  private final java.util.Map<String, Integer> repeats = new java.util.LinkedHashMap<>();

  public synchronized void info(String text) {
    lines.add(new Message(Message.Level.INFO, text));
  }

  public synchronized void warning(String text) {
    add(Message.Level.WARNING, text);
  }

  public synchronized void error(String text) {
    add(Message.Level.ERROR, text);
  }

  public synchronized void addAll(Messages other) {
    for (Message message : other.list()) {
      if (message.level() == Message.Level.INFO) {
        lines.add(message);
      } else {
        add(message.level(), message.text());
      }
    }
  }

  private void add(Message.Level level, String text) {
    String key = level + text;
    int seen = repeats.merge(key, 1, Integer::sum);
    if (seen == 1) {
      lines.add(new Message(level, text));
    }
  }

  /** Returns the messages in order; a repeated warning or error ends with "(N times)". */
  public synchronized List<Message> list() {
    List<Message> result = new ArrayList<>(lines.size());
    for (Message message : lines) {
      int seen =
          message.level() == Message.Level.INFO
              ? 1
              : repeats.getOrDefault(message.level() + message.text(), 1);
      result.add(
          seen > 1
              ? new Message(message.level(), message.text() + " (" + seen + " times)")
              : message);
    }
    return Collections.unmodifiableList(result);
  }

  public synchronized boolean hasErrors() {
    return lines.stream().anyMatch(m -> m.level() == Message.Level.ERROR);
  }
}
