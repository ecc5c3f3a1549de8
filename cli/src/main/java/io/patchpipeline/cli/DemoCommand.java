package io.patchpipeline.cli;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.service.DetectOptions;
import io.patchpipeline.engine.service.DetectResult;
import io.patchpipeline.engine.service.DetectService;
import io.patchpipeline.engine.triage.TriageRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code patch-pipeline demo}: copies the bundled example (reports, KEV and EPSS excerpts,
 * inventory, policy) into a folder and runs the pipeline on it with the embedded defaults, so it
 * needs no server and no credentials.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run Patch Pipeline on the bundled example data: detect, tickets, triage, deploy (dry"
            + " run), verify and report, with the embedded defaults (no server, no credentials)."
            + " Each stage is printed with the command that runs it. Files in DIR are"
            + " overwritten.")
final class DemoCommand implements Callable<Integer> {
  /** Classpath folder of the example, with index.txt listing its files. */
  static final String RESOURCE_ROOT = "/demo/";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = "patch-pipeline-demo",
      description =
          "Folder to copy the example into and write results to. Default: ${DEFAULT-VALUE}.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<String> files = extract(dir);
    out.println("== Patch Pipeline demo in " + dir + " (" + files.size() + " example files)");
    out.println();
    out.println("== 1 Detect: read the scanner reports, enrich with KEV and EPSS, prioritize");
    out.println(
        "$ patch-pipeline detect 'scans/*' --base-dir "
            + dir
            + " --kev feeds/known_exploited_vulnerabilities.json --epss feeds/epss_scores.csv"
            + " --inventory inventory.yaml --policy patch-policy.yaml --out record.json");
    DetectResult detect = new DetectService().run(detectOptions(dir), (file, n) -> {});
    SummaryPrinter.print(detect, out);
    out.println("Record written to " + dir.resolve("record.json"));
    LedgerMixin ledger = new LedgerMixin();
    ledger.ledger = ledgerFile();
    ledger.append(detect.record(), "record.json", out);
    int code = laterStages(dir.resolve("record.json").toString());
    out.flush();
    return code == 0 ? ExitCodes.OK : ExitCodes.INTERNAL_ERROR;
  }

  /** Runs stages 2 to 6 on the record; returns the bitwise or of their exit codes. */
  private int laterStages(String record) throws IOException {
    int code =
        step(
            "2 Tickets: one ticket per unit over the threshold, in the file store beside the record",
            "tickets",
            "sync",
            "--record",
            record,
            "--ledger",
            ledgerFile());
    code |=
        step(
            "3 Triage: apply the policy. Only low-risk units on dev or test assets are approved"
                + " without a person, and this data has none, so the rest wait for a person",
            "triage",
            "--record",
            record,
            "--policy",
            dir.resolve("patch-policy.yaml").toString(),
            "--inventory",
            dir.resolve("inventory.yaml").toString(),
            "--comment-tickets",
            "--ledger",
            ledgerFile());
    Optional<String> pending = firstPending(dir.resolve("record.json"));
    if (pending.isPresent()) {
      code |=
          step(
              "3 Triage: a named engineer approves one pending unit outside Jenkins",
              "triage",
              "approve",
              pending.get(),
              "--record",
              record,
              "--approver",
              "alice",
              "--reason",
              "Tested on staging; change CHG-1042 approved",
              "--comment-tickets",
              "--ledger",
              ledgerFile());
      code |=
          step(
              "3 Triage: an incident commander lets the emergency unit skip the canary; a"
                  + " post-incident review ticket opens",
              "triage",
              "approve",
              pending.get(),
              "--record",
              record,
              "--approver",
              "carol",
              "--reason",
              "Log4Shell is exploited on the internet facing shop; patch every host now",
              "--emergency-bypass",
              "--comment-tickets",
              "--ledger",
              ledgerFile());
    }
    code |=
        step(
            "4 Test and deploy: the approved unit goes to staging, then in canary waves (dry run)",
            "deploy",
            "--record",
            record,
            "--plan",
            dir.resolve("deploy-plan.yaml").toString(),
            "--dry-run",
            "--comment-tickets");
    Path outbox = dir.resolve("notifications.jsonl");
    Files.deleteIfExists(outbox);
    step(
        "5 Verify: a re-scan proves which CVEs are gone; their tickets close, DefectDojo and the"
            + " webhook are told (written to "
            + outbox.getFileName()
            + ", nothing is sent)",
        "verify",
        "--record",
        record,
        "--rescan",
        dir.resolve("scans-after/trivy-shop-web.json").toString(),
        "--rescan",
        dir.resolve("scans-after/grype-shop-api.json").toString(),
        "--on-remaining",
        "unstable",
        "--evidence",
        dir.resolve("evidence").toString(),
        "--close-tickets",
        "--notify-outbox",
        outbox.toString(),
        "--ledger",
        ledgerFile());
    code |=
        step(
            "6 Report: the SLA ledger (embedded H2) and an HTML report of MTTR, SLA and backlog",
            "report",
            "--record",
            record,
            "--ledger",
            ledgerFile(),
            "--out",
            dir.resolve("report.html").toString());
    return code;
  }

  /** Returns the embedded H2 ledger that every stage of the demo appends to. */
  private String ledgerFile() {
    return dir.resolve("ledger").toString();
  }

  /** Prints a stage heading and the command, then runs it as a user would. */
  private int step(String title, String... args) {
    PrintWriter out = spec.commandLine().getOut();
    out.println();
    out.println("== " + title);
    StringBuilder shown = new StringBuilder("$ patch-pipeline");
    for (String arg : args) {
      shown.append(' ').append(arg.contains(" ") ? "'" + arg + "'" : arg);
    }
    out.println(shown);
    out.flush();
    CommandLine line = PatchPipelineCommand.newCommandLine();
    line.setOut(spec.commandLine().getOut());
    line.setErr(spec.commandLine().getErr());
    return line.execute(args);
  }

  private static Optional<String> firstPending(Path recordFile) throws IOException {
    PatchRecord record = RecordStore.read(recordFile);
    return TriageRecords.read(record, recordFile.toString())
        .flatMap(section -> section.pendingIds().stream().findFirst());
  }

  static DetectOptions detectOptions(Path dir) {
    return DetectOptions.builder(dir.toAbsolutePath())
        .reports(List.of("scans/*"))
        .kev("feeds/known_exploited_vulnerabilities.json")
        .epss("feeds/epss_scores.csv")
        .inventory("inventory.yaml")
        .policy("patch-policy.yaml")
        .recordOut(Path.of("record.json"))
        .build();
  }

  /** Copies the example out of the jar; returns the files written, relative to {@code dir}. */
  static List<String> extract(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    InputStream index = DemoCommand.class.getResourceAsStream(RESOURCE_ROOT + "index.txt");
    if (index == null) {
      throw new InputException("demo", "", "the example data is missing from this build");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          names.add(line.trim());
        }
      }
    }
    for (String name : names) {
      Path target = dir.resolve(name).toAbsolutePath().normalize();
      Path folder = target.getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE_ROOT + name)) {
        if (in == null) {
          throw new InputException(
              "demo/" + name, "", "example file listed in index.txt is missing");
        }
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return names;
  }
}
