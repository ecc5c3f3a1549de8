package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.intel.KevStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The description of a ticket as sections of blocks, which {@link AdfRenderer}, {@link
 * WikiRenderer} and {@link TextRenderer} turn into each system's format, so that every system shows
 * the same content.
 */
public record TicketDocument(List<Section> sections) {
  /** At most this many assets are listed; the rest are counted. */
  static final int MAX_ASSETS = 200;

  public TicketDocument {
    sections = List.copyOf(sections);
  }

  /** A heading and its blocks. */
  public record Section(String heading, List<Block> blocks) {
    public Section {
      blocks = List.copyOf(blocks);
    }
  }

  /** A paragraph, a bullet or numbered list, or a table whose first row is its header. */
  public record Block(Kind kind, List<String> items, List<List<String>> rows) {
    public Block {
      items = List.copyOf(items);
      rows = rows.stream().map(List::copyOf).toList();
    }

    static Block paragraph(String text) {
      return new Block(Kind.PARAGRAPH, List.of(text), List.of());
    }

    static Block bullets(List<String> items) {
      return new Block(Kind.BULLETS, items, List.of());
    }

    static Block ordered(List<String> items) {
      return new Block(Kind.ORDERED, items, List.of());
    }

    static Block table(List<List<String>> rows) {
      return new Block(Kind.TABLE, List.of(), rows);
    }
  }

  /** The kind of a block. */
  public enum Kind {
    PARAGRAPH,
    BULLETS,
    ORDERED,
    TABLE
  }

  /** Builds the description of {@code draft}. */
  public static TicketDocument of(TicketDraft draft) {
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("Summary", List.of(Block.paragraph(overview(draft)))));
    sections.add(new Section("Vulnerabilities", List.of(Block.table(cveRows(draft)))));
    sections.add(new Section("Affected assets", List.of(Block.bullets(assetItems(draft)))));
    sections.add(new Section("SLA", List.of(Block.paragraph(sla(draft)))));
    List<Block> complexity = new ArrayList<>();
    complexity.add(
        Block.paragraph(
            "Estimated complexity: " + draft.complexity().name().toLowerCase(Locale.ROOT) + "."));
    if (!draft.complexityReasons().isEmpty()) {
      complexity.add(Block.bullets(draft.complexityReasons()));
    }
    sections.add(new Section("Estimated patch complexity", complexity));
    sections.add(new Section("Remediation steps", List.of(Block.ordered(steps(draft)))));
    sections.add(new Section("Verification", List.of(Block.paragraph(verification(draft)))));
    sections.add(
        new Section(
            "Tracking",
            List.of(
                Block.paragraph(
                    "Patch Pipeline unit "
                        + draft.unitId()
                        + ", dedup key "
                        + draft.dedupKey()
                        + ". Later scans update this ticket instead of opening a new one."))));
    return new TicketDocument(sections);
  }

  private static String overview(TicketDraft draft) {
    String installed =
        draft.installedVersions().isEmpty()
            ? ""
            : " " + String.join(", ", draft.installedVersions());
    String fix =
        draft.hasFix()
            ? " Upgrading to " + draft.fixedVersion() + " fixes all of them."
            : " No fixed version is known for at least one of them.";
    String component = draft.packageName();
    return Character.toUpperCase(component.charAt(0))
        + component.substring(1)
        + installed
        + " on asset group "
        + draft.assetGroup()
        + " has "
        + draft.cves().size()
        + (draft.cves().size() == 1 ? " vulnerability" : " vulnerabilities")
        + (draft.kev() ? ", at least one of them known to be exploited (CISA KEV)." : ".")
        + fix;
  }

  private static List<List<String>> cveRows(TicketDraft draft) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("CVE", "CVSS", "EPSS (percentile)", "CISA KEV", "KEV due date"));
    for (CveLine cve : draft.cves()) {
      rows.add(
          List.of(
              cve.id(),
              cve.cvss().map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("unknown"),
              epss(cve.epss(), cve.epssPercentile()),
              kev(cve.kev()),
              cve.kevDueDate().map(Object::toString).orElse("-")));
    }
    return rows;
  }

  private static String epss(Optional<Double> score, Optional<Double> percentile) {
    if (score.isEmpty()) {
      return "unknown";
    }
    String text = String.format(Locale.ROOT, "%.4f", score.get());
    return percentile
        .map(p -> text + String.format(Locale.ROOT, " (%.1f%%)", p * 100))
        .orElse(text);
  }

  private static String kev(KevStatus status) {
    return switch (status) {
      case LISTED -> "listed";
      case NOT_LISTED -> "not listed";
      case UNKNOWN -> "unknown";
    };
  }

  private static List<String> assetItems(TicketDraft draft) {
    List<String> assets = draft.assets();
    if (assets.isEmpty()) {
      return List.of(
          "No asset was named by the scans; see asset group " + draft.assetGroup() + ".");
    }
    if (assets.size() <= MAX_ASSETS) {
      return assets;
    }
    List<String> items = new ArrayList<>(assets.subList(0, MAX_ASSETS));
    items.add("and " + (assets.size() - MAX_ASSETS) + " more assets");
    return items;
  }

  private static String sla(TicketDraft draft) {
    String text = "Priority " + draft.priority() + ": remediate by " + draft.dueDate() + " (UTC).";
    Optional<java.time.LocalDate> kevDue =
        draft.cves().stream()
            .map(CveLine::kevDueDate)
            .flatMap(Optional::stream)
            .min(java.util.Comparator.naturalOrder());
    return kevDue
        .map(d -> text + " The earliest CISA KEV due date of these CVEs is " + d + ".")
        .orElse(text);
  }

  private static List<String> steps(TicketDraft draft) {
    List<String> steps = new ArrayList<>();
    if (draft.hasFix()) {
      steps.add("Upgrade " + draft.packageName() + " to " + draft.fixedVersion() + " or later.");
    } else {
      steps.add(
          "No fixed version of "
              + draft.packageName()
              + " is known: mitigate (disable the affected feature, restrict exposure) or record an"
              + " accepted risk.");
    }
    steps.add("Apply the change to a staging asset first and run its smoke tests.");
    steps.add("Roll out to the affected assets in waves; restart services that load the package.");
    return steps;
  }

  private static String verification(TicketDraft draft) {
    String target = draft.hasFix() ? draft.fixedVersion() : "a fixed version";
    return "After the rollout, Patch Pipeline checks that every affected asset runs "
        + draft.packageName()
        + " "
        + target
        + " or later and re-scans for the CVEs above. It closes this ticket with the evidence"
        + " bundle attached once none of them is found.";
  }
}
