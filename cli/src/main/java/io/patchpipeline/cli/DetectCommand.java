package io.patchpipeline.cli;

import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.service.DetectOptions;
import io.patchpipeline.engine.service.DetectResult;
import io.patchpipeline.engine.service.DetectService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patch-pipeline detect}: the Detect stage over report files. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description =
        "Read scanner reports, enrich every finding with CISA KEV, FIRST EPSS and the asset it is"
            + " on, and print prioritized remediation units with their SLA due dates.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the run succeeded",
      "1:units at or above the --fail-on priority exist",
      "2:invalid input (missing file, malformed report, feed, inventory or policy), or with"
          + " --tickets a unit whose ticket could not be written"
    })
final class DetectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "REPORT",
      description =
          "Report files or globs such as 'scans/**/*.json'; the format is detected from the content.")
  List<String> reports;

  @Option(names = "--kev", paramLabel = "FILE", description = "CISA KEV catalog, JSON or CSV.")
  String kev;

  @Option(
      names = "--epss",
      paramLabel = "FILE",
      description = "FIRST EPSS scores: daily CSV (plain or gzip) or API JSON.")
  String epss;

  @Option(names = "--inventory", paramLabel = "FILE", description = "Asset inventory, YAML or CSV.")
  String inventory;

  @Option(
      names = "--policy",
      paramLabel = "FILE|PRESET",
      description = "Policy YAML, or a preset name: default, bod-22-01. Default: default.")
  String policy;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the remediation record (JSON) here.")
  Path out;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json",
      description = "Summary format on standard output. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--fail-on",
      paramLabel = "PRIORITY",
      converter = PriorityConverter.class,
      description = "Exit with 1 when a unit at or above this priority (P0..P3) exists.")
  Priority failOn;

  @Option(
      names = "--feed-cache",
      paramLabel = "DIR",
      description = "Folder for downloaded KEV and EPSS files.")
  Path feedCache;

  @Option(
      names = "--download",
      description =
          "Download KEV and EPSS from their official URLs when --kev or --epss is not given.")
  boolean download;

  @Option(
      names = "--previous",
      paramLabel = "FILE",
      description =
          "An earlier record of the same scope: findings it had keep their first detection time,"
              + " so their SLA due dates do not move with each run.")
  Path previous;

  @Option(
      names = "--tickets",
      paramLabel = "FILE",
      description =
          "After detect, open or update tickets with this ticket systems YAML, as 'tickets sync'"
              + " does (docs/tickets.md). Needs --out, because the outbox lives beside the record.")
  Path tickets;

  @Option(
      names = "--ticket-system",
      paramLabel = "NAME",
      description = "The ticket system in --tickets. Default: its 'default' key.")
  String ticketSystem;

  @Option(
      names = "--base-dir",
      paramLabel = "DIR",
      description = "Folder that relative paths and globs start from. Default: the current folder.")
  Path baseDir;

  @picocli.CommandLine.Mixin LedgerMixin ledgerOption = new LedgerMixin();

  @Override
  public Integer call() throws Exception {
    if (!format.equals("text") && !format.equals("json")) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "Invalid value for --format: '" + format + "'; expected text or json");
    }
    PrintWriter err = spec.commandLine().getErr();
    if (tickets != null && out == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--tickets needs --out: the ticket outbox is kept beside the record");
    }
    DetectOptions options = options();
    new OutputTarget("--out", out, options.baseDir())
        .input("--kev", kev)
        .input("--epss", epss)
        .input("--inventory", inventory)
        .input("--policy", policy)
        .input("--previous", previous)
        .input("--tickets", tickets)
        .check();
    DetectResult result = new DetectService().run(options, new ProgressLine(err));
    print(result);
    ledgerOption.append(result.record(), out == null ? "record" : out.toString(), err);
    if (tickets != null) {
      int synced = syncTickets(options.baseDir());
      if (synced != ExitCodes.OK) {
        return synced;
      }
    }
    return result.thresholdCrossed() ? ExitCodes.THRESHOLD : ExitCodes.OK;
  }

  /** Runs {@code tickets sync} on the record just written, with the same output streams. */
  private int syncTickets(Path base) {
    List<String> args = new java.util.ArrayList<>();
    args.addAll(
        List.of(
            "tickets", "sync",
            "--record", base.resolve(out).toString(),
            "--tickets", base.resolve(tickets).toString()));
    if (ticketSystem != null) {
      args.add("--system");
      args.add(ticketSystem);
    }
    args.addAll(ledgerOption.arguments());
    picocli.CommandLine line = PatchPipelineCommand.newCommandLine();
    line.setOut(spec.commandLine().getOut());
    line.setErr(spec.commandLine().getErr());
    return line.execute(args.toArray(new String[0]));
  }

  DetectOptions options() {
    return DetectOptions.builder(baseDir == null ? Path.of("").toAbsolutePath() : baseDir)
        .reports(reports)
        .kev(kev)
        .epss(epss)
        .inventory(inventory)
        .policy(policy)
        .recordOut(out)
        .failOn(failOn)
        .feedCache(feedCache)
        .download(download)
        .previous(previous)
        .build();
  }

  private void print(DetectResult result) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Message message : result.messages().list()) {
      if (message.level() != Message.Level.INFO) {
        err.println("patch-pipeline: " + Terminal.safe(message.toString()));
      }
    }
    if (format.equals("json")) {
      out.println(Json.mapper().writeValueAsString(result.summary().toMap()));
    } else {
      SummaryPrinter.print(result, out);
    }
    if (this.out != null) {
      err.println("Record written to " + this.out);
    }
    if (result.thresholdCrossed()) {
      err.println(
          "patch-pipeline: units at or above " + failOn + " exist; failing as --fail-on asks");
    }
    out.flush();
  }
}
