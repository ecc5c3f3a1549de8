package io.patchpipeline.engine.ticket;

import java.util.List;

/** Renders a {@link TicketDocument} as plain text, for ServiceNow and the file store. */
public final class TextRenderer {
  private TextRenderer() {}

  public static String render(TicketDocument document) {
    StringBuilder out = new StringBuilder();
    for (TicketDocument.Section section : document.sections()) {
      out.append(section.heading()).append("\n");
      out.append("-".repeat(section.heading().length())).append("\n");
      for (TicketDocument.Block block : section.blocks()) {
        appendBlock(out, block);
      }
      out.append("\n");
    }
    return out.toString().stripTrailing();
  }

  private static void appendBlock(StringBuilder out, TicketDocument.Block block) {
    switch (block.kind()) {
      case PARAGRAPH -> out.append(block.items().get(0)).append("\n");
      case BULLETS -> block.items().forEach(item -> out.append("- ").append(item).append("\n"));
      case ORDERED -> {
        for (int i = 0; i < block.items().size(); i++) {
          out.append(i + 1).append(". ").append(block.items().get(i)).append("\n");
        }
      }
      case TABLE -> appendTable(out, block.rows());
    }
  }

  private static void appendTable(StringBuilder out, List<List<String>> rows) {
    for (List<String> row : rows) {
      out.append(String.join(" | ", row)).append("\n");
    }
  }
}
