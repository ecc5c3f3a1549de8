package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.ledger.EventType;
import io.patchpipeline.engine.ledger.Ledger;
import io.patchpipeline.engine.ledger.LedgerEvent;
import io.patchpipeline.engine.ledger.LedgerOptions;
import io.patchpipeline.engine.ledger.LedgerUnit;
import io.patchpipeline.engine.policy.Priority;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.access.AccessDeniedException;

/**
 * The Patch Pipeline page against a real H2 ledger with units from two jobs and one command-line
 * run, seen by users with different permissions.
 */
class PatchPipelinePageTest {
  private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

  @TempDir Path folder;
  private LedgerOptions options;

  @BeforeEach
  void fillLedger() {
    options = LedgerOptions.h2(folder.resolve("ledger"));
    try (Ledger ledger = Ledger.open(options)) {
      ledger.recordDetected(unit("PP-web", "<script>alert(1)</script>"), "team-a/web#3");
      ledger.recordDetected(unit("PP-db", "db"), "team-b/db#5");
      ledger.recordDetected(unit("PP-cli", "ops"), "0f8c3a52-5d8e-4f6e-9a4b-2d7c1e9b0a11");
      ledger.record(
          new LedgerEvent(
              "PP-web",
              EventType.CLOSED,
              Instant.parse("2026-03-10T00:00:00Z"),
              "team-a/web#4",
              "verify",
              ""));
    }
  }

  private static LedgerUnit unit(String id, String team) {
    return new LedgerUnit(
        id,
        id,
        Priority.P1,
        team,
        "web",
        "openssl",
        List.of("CVE-2024-0001"),
        Instant.parse("2026-03-01T00:00:00Z"),
        Optional.of(Instant.parse("2026-03-31T00:00:00Z")),
        Optional.empty(),
        Optional.empty());
  }

  private PatchPipelinePage page(LedgerViewer viewer) {
    return new PatchPipelinePage(() -> options, () -> viewer, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void readerSeesOnlyUnitsOfReadableJobs() throws Exception {
    List<LedgerUnit> units =
        page(user(Set.of("team-a/web"))).visibleUnits(user(Set.of("team-a/web")));

    assertThat(units).extracting(LedgerUnit::unitId).containsExactly("PP-web");
  }

  @Test
  void administratorSeesEveryUnit() throws Exception {
    List<LedgerUnit> units = page(administrator()).visibleUnits(administrator());

    assertThat(units)
        .extracting(LedgerUnit::unitId)
        .containsExactlyInAnyOrder("PP-web", "PP-db", "PP-cli");
  }

  @Test
  void unitsOfOtherRunsAreHiddenFromReaders() throws Exception {
    LedgerViewer everyJob = user(Set.of("team-a/web", "team-b/db"));

    assertThat(page(everyJob).visibleUnits(everyJob))
        .extracting(LedgerUnit::unitId)
        .doesNotContain("PP-cli");
  }

  @Test
  void anonymousWithoutReadIsDenied() {
    PatchPipelinePage page = page(anonymous());

    assertThatThrownBy(page::getReportBody).isInstanceOf(AccessDeniedException.class);
    assertThat(page.getIconFileName()).isNull();
  }

  @Test
  void reportIsEscapedAndSelfContained() throws Exception {
    PatchPipelinePage page = page(user(Set.of("team-a/web")));

    String body = page.getReportBody();

    assertThat(page.getIconFileName()).isEqualTo("clipboard.png");
    assertThat(page.getUrlName()).isEqualTo("patch-pipeline");
    assertThat(body).contains("<svg").contains("1 units, 0 open");
    assertThat(body).contains("&lt;script&gt;").doesNotContain("<script");
    assertThat(body).doesNotContain("http://www.example").doesNotContain("src=");
  }

  @Test
  void detectingJobComesFromTheDetectedEvent() {
    try (Ledger ledger = Ledger.open(options)) {
      assertThat(PatchPipelinePage.detectingJob(ledger.events("PP-db"))).isEqualTo("team-b/db");
      assertThat(PatchPipelinePage.detectingJob(ledger.events("PP-cli"))).isEmpty();
      assertThat(PatchPipelinePage.detectingJob(List.of())).isEmpty();
    }
  }

  private static LedgerViewer user(Set<String> readableJobs) {
    return new FixedViewer(true, false, readableJobs);
  }

  private static LedgerViewer administrator() {
    return new FixedViewer(true, true, Set.of());
  }

  private static LedgerViewer anonymous() {
    return new FixedViewer(false, false, Set.of());
  }

  /** A user with fixed permissions, in place of Jenkins' ACL. */
  private record FixedViewer(boolean overallRead, boolean administrator, Set<String> jobs)
      implements LedgerViewer {
    @Override
    public void checkPageAccess() {
      if (!overallRead) {
        throw new AccessDeniedException("anonymous is missing the Overall/Read permission");
      }
    }

    @Override
    public boolean isAdministrator() {
      return administrator;
    }

    @Override
    public boolean canReadJob(String fullName) {
      return jobs.contains(fullName);
    }
  }
}
