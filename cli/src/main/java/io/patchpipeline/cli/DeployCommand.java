package io.patchpipeline.cli;

import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.deploy.DeployOptions;
import io.patchpipeline.engine.deploy.DeployResult;
import io.patchpipeline.engine.deploy.DeployService;
import io.patchpipeline.engine.deploy.RolloutState;
import io.patchpipeline.engine.deploy.Sleeper;
import io.patchpipeline.engine.deploy.WaveState;
import io.patchpipeline.engine.deploy.tool.HostResult;
import io.patchpipeline.engine.deploy.tool.LocalCommandRunner;
import io.patchpipeline.engine.service.CveGates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code patch-pipeline deploy}: the Test and Deploy stages for the approved units of a record. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
      "Deploy the units that triage approved, by a rollout plan: staging first, then canary",
      "waves with holds, health checks and a failure budget, rolling back or freezing on failure.",
      "Run it again after an interruption to resume the rollout from its state file."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the rollout succeeded, or the dry run was printed",
      "1:the rollout stopped: it was rolled back or frozen",
      "2:invalid input (missing file, malformed record or plan, unapproved unit)",
      "3:the rollout waits for a decision on inconclusive health data (see --decide)"
    })
final class DeployCommand implements Callable<Integer> {
  static final int STOPPED = 1;
  static final int AWAITING_DECISION = 3;

  /** Environment variables with this prefix reach deployers as secrets, such as a Graph token. */
  static final String SECRET_PREFIX = "PATCH_PIPELINE_";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--record",
      required = true,
      paramLabel = "FILE",
      description = "The remediation record (JSON); the deploy section is written back to it.")
  Path record;

  @Option(
      names = "--plan",
      required = true,
      paramLabel = "FILE",
      description = "The rollout plan (YAML).")
  Path plan;

  @Option(
      names = "--dry-run",
      description = "Print the waves (hosts, order, earliest start) and the commands; run nothing.")
  boolean dryRun;

  @Option(
      names = "--approved",
      split = ",",
      paramLabel = "UNIT",
      description =
          "Deploy only these unit ids; each must be approved by triage when the record has triage decisions.")
  List<String> approved;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description =
          "Rollout state file. Default: the record file name with .deploy-state.json appended.")
  Path state;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Kubeconfig for kubectl, helm and argo-rollouts plans.")
  Path kubeconfig;

  @Option(
      names = "--decide",
      paramLabel = "proceed|rollback",
      description = "Decide on a rollout that waits after inconclusive health data.")
  String decide;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description = "Who takes the --decide decision, for the record. Default: the USER variable.")
  String decidedBy;

  @Option(
      names = "--comment-tickets",
      description =
          "Comment each wave's outcome on the ticket of every deployed unit. Uses --tickets, or"
              + " the file store in the folder 'tickets' beside the record.")
  boolean commentTickets;

  @Option(
      names = "--tickets",
      paramLabel = "FILE",
      description =
          "Ticket systems YAML (docs/tickets.md) for --comment-tickets and the change request.")
  Path tickets;

  @Option(
      names = "--system",
      paramLabel = "NAME",
      description = "The ticket system in --tickets. Default: its 'default' key.")
  String system;

  @Option(
      names = "--change-request",
      paramLabel = "NUMBER|SYS_ID",
      description =
          "The ServiceNow change request to move to Implement, note each wave on, and move to"
              + " Review at the end. Default: the plan's changeRequest key, if any.")
  String changeRequest;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json",
      description = "Summary format on standard output. Default: ${DEFAULT-VALUE}.")
  String format;

  @picocli.CommandLine.Mixin LedgerMixin ledgerOption = new LedgerMixin();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    new OutputTarget("--state", state)
        .input("--record", record)
        .input("--plan", plan)
        .input("--kubeconfig", kubeconfig)
        .check();
    new OutputTarget("--record", record).input("--plan", plan).check();
    DeployOptions options = options();
    Clock clock = Clock.systemUTC();
    LocalCommandRunner runner = new LocalCommandRunner().withoutVariables(secretVariables());
    DeployHooks.Choice hooks =
        new DeployHooks.Choice(commentTickets, tickets, system, changeRequest, System::getenv);
    DeployService service =
        new DeployService(
            clock, Sleeper.real(clock), runner, CveGates.fromPlan(plan, runner), Optional.empty());
    if (!dryRun) {
      service = service.withListeners(DeployHooks.listeners(record, plan, hooks));
    }
    DeployResult result =
        service.run(
            options,
            line -> {
              err.println("patch-pipeline: " + line);
              err.flush();
            });
    for (Message message : result.messages()) {
      err.println("patch-pipeline: " + Terminal.safe(message.toString()));
    }
    print(result, out);
    if (!dryRun) {
      ledgerOption.append(record, err);
    }
    out.flush();
    return exitCode(result);
  }

  DeployOptions options() {
    DeployOptions options =
        DeployOptions.of(record, plan).withDryRun(dryRun).withSecrets(secrets());
    if (approved != null) {
      options = options.withApprovedUnits(approved);
    }
    if (state != null) {
      options = options.withStateFile(state);
    }
    if (kubeconfig != null) {
      options = options.withKubeconfig(kubeconfig);
    }
    if (decide != null) {
      if (!decide.equals("proceed") && !decide.equals("rollback")) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "Invalid value for --decide: '" + decide + "'; expected proceed or rollback");
      }
      String who = decidedBy != null ? decidedBy : System.getenv().getOrDefault("USER", "unknown");
      options = options.withDecision(new DeployOptions.Decision(decide.equals("proceed"), who));
    }
    return options;
  }

  private static Map<String, String> secrets() {
    Map<String, String> secrets = new LinkedHashMap<>();
    System.getenv()
        .forEach(
            (name, value) -> {
              if (name.startsWith(SECRET_PREFIX)) {
                secrets.put(name, value);
              }
            });
    return secrets;
  }

  private void print(DeployResult result, PrintWriter out) throws Exception {
    if (format.equals("json")) {
      out.println(Json.mapper().writeValueAsString(result.summary()));
      return;
    }
    if (result.state().isEmpty()) {
      result.dryRun().forEach(out::println);
      printHookPlan(out);
      return;
    }
    RolloutState rollout = result.state().get();
    for (WaveState wave : rollout.waves()) {
      long failed = wave.results().stream().filter(HostResult::failed).count();
      out.printf(
          "%-22s %-11s %d hosts, %d failed, %d samples%s%n",
          wave.name(),
          wave.phase(),
          wave.hosts().size(),
          failed,
          wave.samples().size(),
          wave.decision().isEmpty() ? "" : ": " + wave.decision());
    }
    out.println(
        "Rollout "
            + rollout.status()
            + (rollout.reason().isEmpty() ? "" : ": " + rollout.reason()));
  }

  /** Prints which listeners a real run would write to, for a dry run. */
  private void printHookPlan(PrintWriter out) throws java.io.IOException {
    out.println(
        commentTickets
            ? "ticket comments: on each deployed unit's ticket, one per wave outcome"
            : "ticket comments: none (use --comment-tickets)");
    DeployHooks.changeRequest(
            plan, new DeployHooks.Choice(false, tickets, system, changeRequest, System::getenv))
        .ifPresent(
            change ->
                out.println(
                    "change request "
                        + change.reference()
                        + ": state "
                        + change.states().implement()
                        + " (Implement) at the start, a work note per wave, state "
                        + change.states().review()
                        + " (Review) when every wave passed"
                        + change
                            .states()
                            .failed()
                            .map(s -> ", state " + s + " on failure")
                            .orElse("")));
  }

  private static int exitCode(DeployResult result) {
    if (result.state().isEmpty()) {
      return ExitCodes.OK;
    }
    return switch (result.state().get().status()) {
      case SUCCEEDED -> ExitCodes.OK;
      case AWAITING_DECISION -> AWAITING_DECISION;
      default -> STOPPED;
    };
  }

  /**
   * Returns the variables of this process that hold secrets, which commands of the rollout must not
   * inherit: every {@code PATCH_PIPELINE_} variable and the token or password variables that the
   * ticket configuration names.
   */
  private java.util.Set<String> secretVariables() throws java.io.IOException {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (String name : System.getenv().keySet()) {
      if (name.startsWith("PATCH_PIPELINE_")) {
        names.add(name);
      }
    }
    if (tickets != null) {
      io.patchpipeline.engine.ticket.TicketConfigFile config =
          io.patchpipeline.engine.ticket.TicketConfigFile.read(tickets);
      for (String system : config.systems().keySet()) {
        config.secret(system).env().ifPresent(names::add);
      }
    }
    return names;
  }
}
