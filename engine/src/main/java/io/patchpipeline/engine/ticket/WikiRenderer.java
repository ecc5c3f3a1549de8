package io.patchpipeline.engine.ticket;

import java.util.List;
import java.util.regex.Pattern;

/** Renders a {@link TicketDocument} as Jira wiki markup, the format of Jira REST API v2. */
public final class WikiRenderer {
  private static final Pattern SPECIAL = Pattern.compile("([|{}\\[\\]*_+^~\\\\-])");

  private WikiRenderer() {}

  public static String render(TicketDocument document) {
    StringBuilder out = new StringBuilder();
    for (TicketDocument.Section section : document.sections()) {
      out.append("h2. ").append(escape(section.heading())).append("\n");
      for (TicketDocument.Block block : section.blocks()) {
        appendBlock(out, block);
        out.append("\n");
      }
    }
    return out.toString().stripTrailing();
  }

  private static void appendBlock(StringBuilder out, TicketDocument.Block block) {
    switch (block.kind()) {
      case PARAGRAPH -> out.append(escape(block.items().get(0))).append("\n");
      case BULLETS -> appendList(out, "* ", block.items());
      case ORDERED -> appendList(out, "# ", block.items());
      case TABLE -> appendTable(out, block.rows());
    }
  }

  private static void appendList(StringBuilder out, String marker, List<String> items) {
    for (String item : items) {
      out.append(marker).append(escape(item)).append("\n");
    }
  }

  private static void appendTable(StringBuilder out, List<List<String>> rows) {
    for (int i = 0; i < rows.size(); i++) {
      String separator = i == 0 ? "||" : "|";
      out.append(separator);
      for (String cell : rows.get(i)) {
        out.append(cell.isEmpty() ? " " : escape(cell)).append(separator);
      }
      out.append("\n");
    }
  }

  /** Escapes the characters wiki markup would read as formatting or table borders. */
  static String escape(String text) {
    return SPECIAL.matcher(text.replace("\n", " ")).replaceAll("\\\\$1");
  }
}
