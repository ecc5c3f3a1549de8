package io.patchpipeline.engine.ticket;

import static io.patchpipeline.engine.ticket.TestRecords.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dedup keys, wiki markup and plain text of a ticket. */
class TicketTextTest {
  @ParameterizedTest
  @CsvSource({
    "web-npm-lodash, pp-web-npm-lodash",
    "a.b_c-9, pp-a.b_c-9",
  })
  void safeKeysStayReadable(String key, String expected) {
    assertThat(DedupKeys.of(key)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"web|npm|lodash", "Web NPM Lodash", "web npm lodash"})
  void unsafeKeysGetHashSuffix(String key) {
    String value = DedupKeys.of(key);

    assertThat(value).matches("pp-[a-z0-9._-]+-[0-9a-f]{16}");
    assertThat(value).doesNotContain(" ").hasSizeLessThanOrEqualTo(100);
  }

  @Test
  void keysDifferingInCaseStayDistinct() {
    assertThat(DedupKeys.of("Web|npm|x")).isNotEqualTo(DedupKeys.of("web|npm|x"));
  }

  @Test
  void longKeyFitsServiceNowCorrelationId() {
    assertThat(DedupKeys.of("x".repeat(500))).hasSizeLessThanOrEqualTo(100);
  }

  @Test
  void wikiMarkupHasTableAndEscapes() {
    TicketDraft draft = draft("lodash|core");

    String wiki = WikiRenderer.render(TicketDocument.of(draft));

    assertThat(wiki).contains("h2. Vulnerabilities");
    assertThat(wiki).contains("||CVE||CVSS||EPSS (percentile)||CISA KEV||KEV due date||");
    assertThat(wiki).contains("|CVE\\-2026\\-0001|8.1|0.4321 (97.0%)|listed|2026\\-12\\-20|");
    assertThat(wiki).contains("lodash\\|core");
    assertThat(wiki).contains("# Upgrade lodash\\|core to 1.2.3 or later.");
  }

  @Test
  void plainTextListsSectionsAndSteps() {
    String text = TextRenderer.render(TicketDocument.of(draft("openssl")));

    assertThat(text).contains("Affected assets\n---------------\n- web-1\n- web-2");
    assertThat(text).contains("1. Upgrade openssl to 1.2.3 or later.");
    assertThat(text).contains("CVE-2026-0001 | 8.1 | 0.4321 (97.0%) | listed | 2026-12-20");
  }

  @Test
  void manyAssetsAreCounted() {
    String[] assets = new String[250];
    for (int i = 0; i < assets.length; i++) {
      assets[i] = "host-" + (1000 + i);
    }
    PatchRecord record =
        TestRecords.record(List.of(spec("curl", Priority.P2, "CVE-2026-0005").withAssets(assets)));

    String text =
        TextRenderer.render(TicketDocument.of(TicketDraft.of(record, record.units().get(0))));

    assertThat(text).contains("- host-1199\n- and 50 more assets");
    assertThat(text).doesNotContain("host-1200");
  }

  private static TicketDraft draft(String packageName) {
    PatchRecord record =
        TestRecords.record(
            List.of(spec(packageName, Priority.P1, "CVE-2026-0001", "CVE-2026-0002")));
    return TicketDraft.of(record, record.units().get(0));
  }
}
