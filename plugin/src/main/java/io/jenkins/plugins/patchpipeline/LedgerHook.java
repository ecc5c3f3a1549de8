package io.jenkins.plugins.patchpipeline;

import hudson.model.Run;
import io.patchpipeline.engine.ledger.Ledger;
import io.patchpipeline.engine.ledger.LedgerFeed;
import io.patchpipeline.engine.ledger.LedgerOptions;
import io.patchpipeline.engine.record.PatchRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;

/**
 * Appends a build's lifecycle events to the controller's SLA ledger after a step wrote the record.
 * Each step calls {@link #append} once; the mapping from record to events is the engine's. A ledger
 * that cannot be reached costs the build a warning line, never its result, because the record with
 * the build stays the source of truth and the next step appends what was missed.
 */
final class LedgerHook {
  /** Resolves where the ledger lives; a seam so that tests use an H2 file in a temporary folder. */
  @FunctionalInterface
  interface Location {
    LedgerOptions options() throws IOException;
  }

  private final Location location;
  private final Clock clock;

  LedgerHook(Location location, Clock clock) {
    this.location = location;
    this.clock = clock;
  }

  /** Returns the hook of the ledger in the global configuration. */
  static LedgerHook configured() {
    return new LedgerHook(
        () -> PatchPipelineConfiguration.get().ledgerOptions(), Clock.systemUTC());
  }

  /**
   * Adds the units and events of the build's record that the ledger lacks, attributed to the build
   * ({@code job#number}), and marks units past their due date as breached.
   */
  void append(Run<?, ?> run, PrintStream log) {
    try {
      LedgerOptions options = location.options();
      PatchRecord record = BuildRecords.read(run);
      try (Ledger ledger = Ledger.open(options)) {
        int added = LedgerFeed.append(ledger, record, BuildRecords.RECORD_FILE, runId(run));
        ledger.markOverdue(clock.instant());
        log.println(Messages.Console_Prefix("SLA ledger: " + added + " events added"));
      }
    } catch (IOException | RuntimeException e) {
      // Ledger errors name the URL without its password; credential errors name only the id.
      log.println(
          Messages.Ledger_NotUpdated(
              java.util.Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName())));
    }
  }

  /** Returns the run's id as the ledger keeps it, which the Patch Pipeline page maps to its job. */
  static String runId(Run<?, ?> run) {
    return run.getExternalizableId();
  }
}
