package io.patchpipeline.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.ledger.LedgerMetrics.BacklogBucket;
import io.patchpipeline.engine.ledger.LedgerMetrics.MttrPoint;
import io.patchpipeline.engine.policy.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final String HOSTILE_TEAM = "<script>alert('x')</script>";

  @TempDir Path folder;
  private List<LedgerUnit> units;
  private String html;

  @BeforeEach
  void renderKnownHistory() throws Exception {
    try (Ledger ledger = Ledger.open(LedgerOptions.h2(folder.resolve("ledger")))) {
      LedgerHistory.load(ledger);
      ledger.recordDetected(
          LedgerHistory.unit(
              "U10", Priority.P2, HOSTILE_TEAM, "2026-03-30T00:00:00Z", "2026-03-31T00:00:00Z"),
          "run-3");
      ledger.markOverdue(LedgerHistory.NOW);
      units = ledger.units();
    }
    Path file = folder.resolve("report.html");
    HtmlReport.write(file, "Patch report & <SLA>", units, LedgerHistory.NOW);
    html = Files.readString(file);
  }

  @Test
  void loadsNothingFromOutside() {
    String lower = html.toLowerCase(Locale.ROOT);

    assertThat(lower).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
    assertThat(lower)
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("@import")
        .doesNotContain("url(");
    assertThat(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find())
        .isFalse();
    assertThat(lower).contains("<style>").contains("<svg");
  }

  @Test
  void escapesLedgerText() {
    assertThat(html).doesNotContain(HOSTILE_TEAM);
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).contains("<title>Patch report &amp; &lt;SLA&gt;</title>");
  }

  @Test
  void mttrChartMatchesLedger() {
    List<String> charted =
        values("<circle class=\"mttr\"[^>]*data-priority=\"(P\\d)\" data-value=\"([0-9.]+)\"");

    List<String> expected = new ArrayList<>();
    for (MttrPoint point : LedgerMetrics.mttrByPriority(units)) {
      expected.add(point.priority() + "=" + Html.number(point.meanHours()));
    }
    assertThat(charted)
        .containsExactlyElementsOf(expected)
        .containsExactly("P0=6.0", "P1=150.0", "P2=720.0", "P1=888.0");
  }

  @Test
  void complianceTablesMatchLedger() {
    assertThat(rows("compliance-priority"))
        .containsExactly("P0|0|1|0.0", "P1|2|2|50.0", "P2|1|1|50.0");
    assertThat(rows("compliance-team"))
        .containsExactly(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;|0|1|0.0",
            "db|2|1|66.7",
            "web|1|2|33.3");
  }

  @Test
  void backlogChartMatchesLedger() {
    List<String> charted =
        values(
            "<rect class=\"backlog\"[^>]*data-age=\"([^\"]+)\" data-priority=\"(P\\d)\" data-value=\"(\\d+)\"");

    List<String> expected = new ArrayList<>();
    for (BacklogBucket bucket : LedgerMetrics.openBacklogByAge(units, LedgerHistory.NOW)) {
      expected.add(bucket.label() + "=" + bucket.priority() + "=" + bucket.open());
    }
    assertThat(charted)
        .containsExactlyElementsOf(expected)
        .containsExactly("0-7 days=P2=2", "8-30 days=P2=1", "31-90 days=P1=1", "over 90 days=P3=1");
  }

  @Test
  void emptyLedgerRendersMessages() {
    String empty = HtmlReport.render("Empty", List.of(), LedgerHistory.NOW);

    assertThat(empty)
        .contains("No unit was closed yet.")
        .contains("No unit has an SLA outcome yet.")
        .contains("No unit is open.");
  }

  private List<String> values(String regex) {
    List<String> found = new ArrayList<>();
    Matcher matcher = Pattern.compile(regex).matcher(html);
    while (matcher.find()) {
      List<String> groups = new ArrayList<>();
      for (int i = 1; i <= matcher.groupCount(); i++) {
        groups.add(matcher.group(i));
      }
      found.add(String.join("=", groups));
    }
    return found;
  }

  private List<String> rows(String tableId) {
    String table = html.substring(html.indexOf("<table id=\"" + tableId + "\">"));
    table = table.substring(0, table.indexOf("</table>"));
    List<String> rows = new ArrayList<>();
    Matcher row =
        Pattern.compile("<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>")
            .matcher(table);
    while (row.find()) {
      rows.add(row.group(1) + "|" + row.group(2) + "|" + row.group(3) + "|" + row.group(4));
    }
    return rows;
  }
}
