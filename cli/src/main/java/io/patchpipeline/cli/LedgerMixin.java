package io.patchpipeline.cli;

import io.patchpipeline.engine.ledger.Ledger;
import io.patchpipeline.engine.ledger.LedgerFeed;
import io.patchpipeline.engine.ledger.LedgerOptions;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The {@code --ledger} option of the pipeline stages: where each stage appends its events. */
final class LedgerMixin {
  @Option(
      names = "--ledger",
      paramLabel = "FILE|URL",
      description =
          "Append this stage's lifecycle events to the SLA ledger: an embedded H2 file (without"
              + " extension) or a jdbc:postgresql:// URL. Running a stage again adds no duplicate"
              + " events.")
  String ledger;

  @Option(
      names = "--ledger-user",
      paramLabel = "NAME",
      description = "The database user of a PostgreSQL ledger.")
  String user;

  @Option(
      names = "--ledger-password-env",
      paramLabel = "VAR",
      description = "The environment variable holding the PostgreSQL ledger's password.")
  String passwordEnv;

  /** Returns these options as arguments, for a stage that runs another stage. */
  java.util.List<String> arguments() {
    java.util.List<String> args = new java.util.ArrayList<>();
    if (ledger != null) {
      args.add("--ledger");
      args.add(ledger);
    }
    if (user != null) {
      args.add("--ledger-user");
      args.add(user);
    }
    if (passwordEnv != null) {
      args.add("--ledger-password-env");
      args.add(passwordEnv);
    }
    return args;
  }

  boolean isSet() {
    return ledger != null;
  }

  LedgerOptions options(Function<String, String> environment) {
    boolean jdbc = ledger.startsWith("jdbc:");
    return LedgerAccess.options(
        jdbc ? null : Path.of(ledger),
        jdbc ? ledger : null,
        user,
        passwordEnv,
        environment,
        "--ledger",
        "--ledger-password-env");
  }

  /** Appends the events of the record written at {@code recordFile}, when --ledger is given. */
  void append(Path recordFile, PrintWriter out) throws IOException {
    if (isSet()) {
      append(RecordStore.read(recordFile), recordFile.toString(), out);
    }
  }

  /** Appends the events of {@code record}, when --ledger is given. */
  void append(PatchRecord record, String recordName, PrintWriter out) {
    if (!isSet()) {
      return;
    }
    LedgerOptions options = options(System::getenv);
    try (Ledger open = LedgerAccess.open(options)) {
      int added = LedgerFeed.append(open, record, recordName);
      out.println("Ledger " + options.safeUrl() + ": " + added + " new events");
      out.flush();
    }
  }
}
