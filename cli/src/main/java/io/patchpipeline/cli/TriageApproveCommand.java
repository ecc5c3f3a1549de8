package io.patchpipeline.cli;

import io.patchpipeline.engine.triage.Approval;
import io.patchpipeline.engine.triage.ApprovalOptions;
import io.patchpipeline.engine.triage.TriageSection;
import io.patchpipeline.engine.triage.TriageService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code patch-pipeline triage approve}: records an approval given outside Jenkins. The record
 * keeps it as a command-line approval, and separation of duties applies as in Jenkins.
 */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = "Record a person's approval of units that wait for one.")
final class TriageApproveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--record",
      defaultValue = "record.json",
      description = "The record with the triage decisions (default: ${DEFAULT-VALUE}).")
  Path record;

  @Option(names = "--out", description = "Write the record here instead of over --record.")
  Path out;

  @Parameters(arity = "1..*", paramLabel = "UNIT", description = "Ids of the units to approve.")
  List<String> units;

  @Option(names = "--approver", required = true, description = "User id of the approver.")
  String approver;

  @Option(names = "--reason", required = true, description = "Why the units may be deployed.")
  String reason;

  @Option(
      names = "--emergency-bypass",
      description =
          "Approve skipping the canary for emergency units. The record owes a post-incident"
              + " review; --comment-tickets opens it as a ticket.")
  boolean emergencyBypass;

  @Mixin TriageTicketOptions ticketOptions;
  @picocli.CommandLine.Mixin LedgerMixin ledgerOption = new LedgerMixin();

  @Override
  public Integer call() throws IOException {
    // An --out equal to --record is allowed: it is what the command does without --out.
    new OutputTarget("--out", out).check();
    ApprovalOptions options =
        new ApprovalOptions(
            record,
            Optional.ofNullable(out),
            units,
            approver,
            reason,
            Approval.Channel.CLI,
            emergencyBypass ? Approval.Kind.EMERGENCY_BYPASS : Approval.Kind.APPROVAL,
            false,
            Optional.empty(),
            List.of(),
            Clock.systemUTC());
    TriageSection section = TriageService.approve(options);
    PrintWriter out = spec.commandLine().getOut();
    List<String> pending = section.pendingIds();
    List<String> stillPending = units.stream().filter(pending::contains).toList();
    out.println(
        (emergencyBypass ? "Canary bypass approved for " : "Approved ")
            + String.join(", ", units)
            + " by "
            + approver
            + ". Still waiting: "
            + (pending.isEmpty() ? "none" : String.join(", ", pending)));
    if (emergencyBypass && !stillPending.isEmpty()) {
      // The bypass only skips the canary; the unit itself still needs a normal approval.
      out.println(
          String.join(", ", stillPending)
              + " still needs an approval (triage approve without --emergency-bypass) before it"
              + " is deployed.");
    }
    int code = ExitCodes.OK;
    if (ticketOptions.commentTickets) {
      code =
          ticketOptions.write(
              this.out == null ? record : this.out, out, spec.commandLine().getErr());
    }
    ledgerOption.append(this.out == null ? record : this.out, out);
    out.flush();
    return code;
  }
}
