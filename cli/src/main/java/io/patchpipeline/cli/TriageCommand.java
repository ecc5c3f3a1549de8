package io.patchpipeline.cli;

import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.triage.RuleReport;
import io.patchpipeline.engine.triage.TriageOptions;
import io.patchpipeline.engine.triage.TriageResult;
import io.patchpipeline.engine.triage.TriageService;
import io.patchpipeline.engine.triage.TriageSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code patch-pipeline triage}: applies the triage policy to a record's remediation units. */
@Command(
    name = "triage",
    mixinStandardHelpOptions = true,
    description = {
      "Decide each remediation unit of a record under the triage policy: approved automatically,"
          + " waiting for approval, deferred, or an emergency.",
      "Without --dry-run the decisions are written into the record."
    },
    subcommands = {TriageApproveCommand.class})
final class TriageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--record",
      defaultValue = "record.json",
      description = "The record that detect wrote (default: ${DEFAULT-VALUE}).")
  Path record;

  @Option(names = "--policy", description = "The policy YAML (default: the built-in policy).")
  Path policy;

  @Option(
      names = "--inventory",
      description =
          "The asset inventory (YAML or CSV) that gives each asset's tier, environment and"
              + " exposure; without it every asset value is unknown.")
  Path inventory;

  @Option(
      names = "--ssvc",
      description =
          "YAML mapping of CVE ids to SSVC values (automatable, technicalImpact) for BOD 26-04.")
  Path ssvc;

  @Option(names = "--dry-run", description = "Decide and print, but do not write the record.")
  boolean dryRun;

  @Option(
      names = "--against",
      description = "An earlier record to compare the decisions with, such as yesterday's.")
  Path against;

  @Option(names = "--out", description = "Write the record here instead of over --record.")
  Path out;

  @Option(
      names = "--started-by",
      description = "User who started this run; that user may not approve its units.")
  String startedBy;

  @Option(
      names = "--change-author",
      description = "Author of the change that triggered this run; repeatable.")
  List<String> changeAuthors = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin TriageTicketOptions ticketOptions;

  @picocli.CommandLine.Mixin LedgerMixin ledgerOption = new LedgerMixin();

  @Override
  public Integer call() throws IOException {
    if (!format.equals("text") && !format.equals("json")) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "Invalid value for --format: '" + format + "'; expected text or json");
    }
    new OutputTarget("--out", out)
        .input("--policy", policy)
        .input("--inventory", inventory)
        .input("--ssvc", ssvc)
        .input("--against", against)
        .input("--tickets", ticketOptions.tickets)
        .check();
    InputFiles.requireFile("--record", record);
    if (against != null) {
      InputFiles.requireFile("--against", against);
    }
    TriageOptions options =
        TriageOptions.builder(record)
            .policy(policy)
            .inventory(inventory)
            .ssvc(ssvc)
            .dryRun(dryRun)
            .against(against)
            .recordOut(out)
            .startedBy(startedBy)
            .changeAuthors(changeAuthors)
            .build();
    TriageResult result = TriageService.triage(options);
    PrintWriter err = spec.commandLine().getErr();
    for (Message message : result.messages().list()) {
      err.println(
          "patch-pipeline: " + (dryRun ? "dry run: " : "") + Terminal.safe(message.toString()));
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (format.equals("json")) {
      stdout.println(Json.mapper().writeValueAsString(result.summary().toMap()));
    } else {
      printText(result, stdout);
    }
    int code = ExitCodes.OK;
    if (ticketOptions.commentTickets && !dryRun) {
      code = ticketOptions.write(out == null ? record : out, stdout, err);
    }
    if (!dryRun) {
      ledgerOption.append(out == null ? record : out, err);
    }
    stdout.flush();
    return code;
  }

  private void printText(TriageResult result, PrintWriter out) {
    if (dryRun) {
      out.println("Dry run: the record was not changed. Units per rule:");
      RuleReport.lines(result.policy(), result.section().decisions())
          .forEach(line -> out.println("  " + line));
    }
    result
        .diff()
        .ifPresent(
            diff -> {
              out.println("Compared with " + against + ":");
              if (diff.lines().isEmpty()) {
                out.println("  no decision changed");
              }
              diff.lines().forEach(line -> out.println("  " + line));
            });
    TriageSummary summary = result.summary();
    out.println("Approved: " + join(summary.approved()));
    out.println("Waiting for approval by " + orNone(summary.approvers()) + ":");
    summary.pendingLines().forEach(line -> out.println("  " + line));
    out.println("Deferred:");
    summary.deferred().forEach(line -> out.println("  " + line));
  }

  private static String join(List<String> ids) {
    return ids.isEmpty() ? "none" : String.join(", ", ids);
  }

  private static String orNone(String text) {
    return text.isEmpty() ? "nobody" : text;
  }
}
