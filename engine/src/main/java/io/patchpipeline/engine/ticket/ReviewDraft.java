package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.policy.Priority;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The post-incident review ticket that an approved emergency bypass of the canary opens: a ticket
 * apart from the unit's own, found again by its own dedup key (see {@link DedupKeys#review}), so
 * that a re-run never opens a second review for the same unit.
 *
 * @param unitTicket the key and address of the unit's ticket; absent when the unit has none
 * @param reason the approver's mandatory reason for skipping the canary
 */
public record ReviewDraft(
    String unitId,
    String dedupKey,
    String summary,
    Priority priority,
    String packageName,
    String fixedVersion,
    String assetGroup,
    List<String> cves,
    List<String> assets,
    Optional<TicketLink> unitTicket,
    String approver,
    String reason,
    Instant approvedAt) {

  /** The label every review ticket carries, so that a query lists all open reviews. */
  public static final String REVIEW_LABEL = "post-incident-review";

  private static final int MAX_SUMMARY = 250;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  public ReviewDraft {
    cves = List.copyOf(cves);
    assets = List.copyOf(assets);
  }

  /**
   * Builds the review of {@code unit}, whose canary skip {@code approver} approved at {@code
   * approvedAt} for {@code reason}.
   */
  public static ReviewDraft of(
      TicketDraft unit,
      String unitKey,
      Optional<TicketLink> unitTicket,
      String approver,
      String reason,
      Instant approvedAt) {
    String text =
        "Post-incident review: emergency deployment of "
            + unit.packageName()
            + " on "
            + unit.assetGroup()
            + " skipped the canary"
            + unitTicket.map(t -> " (" + t.key() + ")").orElse("");
    return new ReviewDraft(
        unit.unitId(),
        DedupKeys.review(unitKey),
        text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 3) + "...",
        unit.priority(),
        unit.packageName(),
        unit.fixedVersion(),
        unit.assetGroup(),
        unit.cveIds(),
        unit.assets(),
        unitTicket,
        approver,
        reason,
        approvedAt);
  }

  /** Builds the description that every ticket system renders in its own format. */
  public TicketDocument document() {
    List<TicketDocument.Section> sections = new ArrayList<>();
    sections.add(section("Summary", TicketDocument.Block.paragraph(overview())));
    sections.add(
        section(
            "Bypass approval",
            TicketDocument.Block.bullets(
                List.of(
                    "Approved by: " + approver,
                    "Approved at: " + time(approvedAt),
                    "Reason: " + reason))));
    sections.add(section("Vulnerabilities", TicketDocument.Block.bullets(orNone(cves))));
    sections.add(section("Affected assets", TicketDocument.Block.bullets(orNone(assets))));
    sections.add(section("What to review", TicketDocument.Block.ordered(checks())));
    sections.add(
        section(
            "Tracking",
            TicketDocument.Block.paragraph(
                "Opened by Patch Pipeline for unit "
                    + unitId
                    + ". Review key: "
                    + dedupKey
                    + ". Re-runs find this ticket by that key and never open a second review.")));
    return new TicketDocument(sections);
  }

  private String overview() {
    String target = fixedVersion.isEmpty() ? "" : " to " + fixedVersion;
    String ticket =
        unitTicket
            .map(
                t ->
                    " The unit's ticket is "
                        + t.key()
                        + (t.url().isEmpty() ? "" : " (" + t.url() + ")")
                        + ".")
            .orElse(" The unit has no ticket.");
    return "The "
        + priority
        + " emergency upgrade of "
        + packageName
        + target
        + " on "
        + assetGroup
        + " was approved to skip the canary waves, so it reached every asset without a health"
        + " check on a small wave first."
        + ticket;
  }

  /** Returns what the reviewer checks, in order. */
  List<String> checks() {
    return List.of(
        "Confirm that the reason justified skipping the canary, and that the approver was allowed"
            + " to approve it.",
        "Check the health of every affected asset after the deployment: service status, error"
            + " rates and the monitoring alerts since "
            + time(approvedAt)
            + ".",
        "Confirm with a new scan or the verify stage that "
            + (cves.isEmpty() ? "the vulnerabilities are" : String.join(", ", cves) + " are")
            + " gone from every asset.",
        "Record whether a rollback happened or was needed, and why.",
        "Decide what would let the next emergency patch of this kind pass a shortened canary"
            + " instead of none.");
  }

  private static TicketDocument.Section section(String heading, TicketDocument.Block block) {
    return new TicketDocument.Section(heading, List.of(block));
  }

  private static List<String> orNone(List<String> items) {
    return items.isEmpty() ? List.of("none recorded") : items;
  }

  private static String time(Instant instant) {
    return TIME.format(instant);
  }

  /**
   * Returns the ticket's labels besides the configured ones: the dedup key, {@link #REVIEW_LABEL}
   * and the CVE ids.
   */
  List<String> labels() {
    List<String> labels = new ArrayList<>();
    labels.add(dedupKey);
    labels.add(REVIEW_LABEL);
    cves.forEach(cve -> labels.add(cve.replaceAll("\\s+", "-")));
    return labels;
  }
}
