package io.patchpipeline.cli;

import io.patchpipeline.engine.ledger.HtmlReport;
import io.patchpipeline.engine.ledger.Ledger;
import io.patchpipeline.engine.ledger.LedgerFeed;
import io.patchpipeline.engine.record.RecordStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code patch-pipeline report}: adds a record's lifecycle events to the SLA ledger and writes the
 * ledger's self-contained HTML report.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Add the record's units and their ticket and verification events to the SLA ledger, then"
            + " write an HTML report (no external resources) of MTTR, SLA compliance and backlog.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the report was written",
      "2:invalid input (missing or malformed record, invalid option)",
      "3:the ledger database could not be reached"
    })
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--record", paramLabel = "FILE", description = "A record to add to the ledger.")
  Path record;

  @Option(
      names = "--ledger",
      paramLabel = "FILE",
      defaultValue = "patch-pipeline-ledger",
      description = "The embedded H2 ledger file, without extension. Default: ${DEFAULT-VALUE}.")
  Path ledger;

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description =
          "A shared PostgreSQL ledger instead, such as jdbc:postgresql://db:5432/ledger. Only"
              + " jdbc:postgresql: URLs are accepted.")
  String jdbcUrl;

  @Option(names = "--jdbc-user", paramLabel = "NAME", description = "The database user.")
  String jdbcUser;

  @Option(
      names = "--jdbc-password-env",
      paramLabel = "VAR",
      description = "The environment variable holding the database password.")
  String passwordEnv;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file.")
  Path out;

  @Override
  public Integer call() throws Exception {
    new OutputTarget("--out", out)
        .input("--record", record)
        .input("--ledger", ledgerFile())
        .check();
    if (record != null) {
      InputFiles.requireFile("--record", record);
    }
    Instant now = Instant.now();
    try (Ledger open =
        LedgerAccess.open(
            LedgerAccess.options(ledger, jdbcUrl, jdbcUser, passwordEnv, System::getenv))) {
      if (record != null) {
        LedgerFeed.append(open, RecordStore.read(record), record.toString());
      }
      open.markOverdue(now);
      HtmlReport.write(out, "Patch Pipeline: remediation and SLA", open.units(), now);
      spec.commandLine()
          .getOut()
          .println("Report of " + open.units().size() + " units written to " + out);
    }
    return ExitCodes.OK;
  }

  /** Returns the H2 database file of {@code --ledger}, which H2 names with this extension. */
  private Path ledgerFile() {
    return ledger.resolveSibling(ledger.getFileName() + ".mv.db");
  }
}
