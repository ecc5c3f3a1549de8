package io.jenkins.plugins.patchpipeline;

import hudson.Extension;
import hudson.model.RootAction;
import io.patchpipeline.engine.ledger.EventType;
import io.patchpipeline.engine.ledger.HtmlReport;
import io.patchpipeline.engine.ledger.Ledger;
import io.patchpipeline.engine.ledger.LedgerEvent;
import io.patchpipeline.engine.ledger.LedgerUnit;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Patch Pipeline page at {@code /patch-pipeline/}: what {@code patch-pipeline report} shows
 * (MTTR by priority over time, SLA compliance by priority and by team, open backlog by age), for
 * the units of the jobs the user may read. The content is the engine's report, which escapes all
 * ledger text and loads nothing from elsewhere.
 */
@Extension
public class PatchPipelinePage implements RootAction {
  private final LedgerHook.Location location;
  private final Supplier<LedgerViewer> viewer;
  private final Clock clock;

  public PatchPipelinePage() {
    this(
        () -> PatchPipelineConfiguration.get().ledgerOptions(),
        LedgerViewer::current,
        Clock.systemUTC());
  }

  PatchPipelinePage(LedgerHook.Location location, Supplier<LedgerViewer> viewer, Clock clock) {
    this.location = location;
    this.viewer = viewer;
    this.clock = clock;
  }

  /** Returns the link's icon for users with Overall/Read, and hides the link from others. */
  @Override
  public String getIconFileName() {
    try {
      viewer.get().checkPageAccess();
      return "clipboard.png";
    } catch (RuntimeException e) {
      // AccessDeniedException: the user may not see the page, so the link is hidden.
      return null;
    }
  }

  @Override
  public String getDisplayName() {
    return Messages.PatchPipelinePage_DisplayName();
  }

  @Override
  public String getUrlName() {
    return "patch-pipeline";
  }

  /**
   * Returns the report's HTML for the current user, built from the units they may see.
   *
   * @throws org.springframework.security.access.AccessDeniedException without Overall/Read
   */
  public String getReportBody() throws IOException {
    LedgerViewer current = viewer.get();
    current.checkPageAccess();
    return HtmlReport.renderBody(visibleUnits(current), clock.instant());
  }

  /**
   * Returns the ledger's units that {@code current} may see, with the rules of {@link
   * LedgerViewer}.
   */
  List<LedgerUnit> visibleUnits(LedgerViewer current) throws IOException {
    try (Ledger ledger = Ledger.open(location.options())) {
      List<LedgerUnit> units = ledger.units();
      if (current.isAdministrator()) {
        return units;
      }
      List<LedgerUnit> visible = new ArrayList<>();
      for (LedgerUnit unit : units) {
        String job = detectingJob(ledger.events(unit.unitId()));
        if (!job.isEmpty() && current.canReadJob(job)) {
          visible.add(unit);
        }
      }
      return visible;
    }
  }

  /** Returns the full name of the job whose build first detected the unit, or empty. */
  static String detectingJob(List<LedgerEvent> events) {
    for (LedgerEvent event : events) {
      if (event.type() == EventType.DETECTED) {
        int hash = event.runId().lastIndexOf('#');
        return hash > 0 ? event.runId().substring(0, hash) : "";
      }
    }
    return "";
  }
}
