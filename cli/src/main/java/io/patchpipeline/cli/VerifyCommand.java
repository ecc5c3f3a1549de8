package io.patchpipeline.cli;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.service.EvidenceBundles;
import io.patchpipeline.engine.service.VerifySection;
import io.patchpipeline.engine.ticket.TicketLink;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.ticket.TicketSync;
import io.patchpipeline.engine.verify.InventoryFormat;
import io.patchpipeline.engine.verify.UnitVerdict;
import io.patchpipeline.engine.verify.VerifyOptions;
import io.patchpipeline.engine.verify.VerifyResult;
import io.patchpipeline.engine.verify.VerifyService;
import io.patchpipeline.engine.verify.vm.VmNotifications;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code patch-pipeline verify}: proves, unit by unit, that the record's CVEs are gone. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Compare a re-scan or the installed versions with the record and say, per remediation unit,"
            + " whether every CVE is fixed. A missing answer is unknown, never fixed.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every unit is verified, or --on-remaining unstable/ignore",
      "1:a CVE remains or is unknown and --on-remaining is fail",
      "2:invalid input",
      "3:a ticket system failed; the verdicts are saved in the record"
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--record", required = true, paramLabel = "FILE", description = "The record.")
  Path record;

  @Option(
      names = "--rescan",
      paramLabel = "REPORT",
      description = "A new scan of the same scope; repeat for several reports.")
  List<Path> rescans = new ArrayList<>();

  @Option(
      names = "--installed",
      paramLabel = "FORMAT:HOST:FILE",
      description =
          "Installed versions of one host: ansible (HOST ignored), dpkg, rpm, apk or uname output,"
              + " for example dpkg:db-01:db-01.txt; repeat for several hosts.")
  List<String> installed = new ArrayList<>();

  @Option(
      names = "--advisory",
      paramLabel = "FILE",
      description = "A distribution advisory (Debian DSA/DLA in OSV JSON, or OVAL XML).")
  List<Path> advisories = new ArrayList<>();

  @Option(
      names = "--on-remaining",
      defaultValue = "fail",
      paramLabel = "fail|unstable|ignore",
      description =
          "What a remaining or unknown CVE does to the exit code. Default: ${DEFAULT-VALUE}.")
  String onRemaining;

  @Option(
      names = "--close-tickets",
      description =
          "Close the ticket of every verified unit, with a comment that states the method. Uses"
              + " --tickets, or the file store in the folder 'tickets' beside the record.")
  boolean closeTickets;

  @Option(
      names = "--tickets",
      paramLabel = "FILE",
      description = "Ticket systems YAML (docs/tickets.md) for --close-tickets.")
  Path tickets;

  @Option(
      names = "--system",
      paramLabel = "NAME",
      description = "The ticket system in --tickets. Default: its 'default' key.")
  String system;

  @Option(
      names = "--evidence",
      paramLabel = "DIR",
      description =
          "Write an evidence bundle (files plus a manifest with their SHA-256) for every verified"
              + " unit under DIR/<time>/, and attach it when closing the unit's ticket.")
  Path evidence;

  @Option(
      names = "--signing-key-file",
      paramLabel = "FILE",
      description =
          "Sign evidence bundles with this key: an Ed25519 private key in PEM (PKCS#8), or any"
              + " other file of at least 16 bytes as an HMAC-SHA256 key.")
  Path signingKey;

  @picocli.CommandLine.Mixin NotifyMixin notify = new NotifyMixin();

  @picocli.CommandLine.Mixin EvidenceStoreMixin evidenceStore = new EvidenceStoreMixin();

  @picocli.CommandLine.Mixin LedgerMixin ledgerOption = new LedgerMixin();

  /** Looks up environment variables for ticket secrets; tests replace it. */
  java.util.function.Function<String, String> environment = System::getenv;

  @Override
  public Integer call() throws Exception {
    // Every option is checked before the verification, so that a bad one costs no work.
    java.util.Optional<io.patchpipeline.engine.evidence.EvidenceSigner> signer =
        InputFiles.signer(signingKey);
    if (evidence != null
        && java.nio.file.Files.exists(evidence)
        && !java.nio.file.Files.isDirectory(evidence)) {
      throw new InputException(
          "--evidence", "", Terminal.safe(evidence.toString()) + ": is a file, expected a folder");
    }
    TicketSync sync = closeTickets ? TicketTarget.open(record, tickets, system, environment) : null;
    List<String> secrets = new ArrayList<>(knownSecrets());
    if (tickets != null) {
      secrets.addAll(TicketTarget.secrets(tickets, system, environment));
    }
    VmNotifications notifications = notify.build(environment);
    PatchRecord patchRecord = RecordStore.read(InputFiles.requireFile("--record", record));
    rescans.forEach(rescan -> InputFiles.requireFile("--rescan", rescan));
    advisories.forEach(advisory -> InputFiles.requireFile("--advisory", advisory));
    VerifyOptions options;
    try {
      options =
          new VerifyOptions(inventories(), advisories, rescans, List.of(), failureMode(), true);
    } catch (IllegalArgumentException e) {
      throw new InputException("verify", "", e.getMessage(), e);
    }
    VerifyResult result = new VerifyService().verify(patchRecord, options);
    print(result);
    java.time.Instant now = java.time.Instant.now();
    // The verdicts are saved first, so that a failed evidence write or ticket close keeps them.
    PatchRecord updated = VerifySection.write(patchRecord, result, now);
    RecordStore.write(record, updated);
    java.util.Map<String, Path> bundles =
        evidence == null && !evidenceStore.isSet()
            ? java.util.Map.of()
            : writeEvidence(updated, result, now, signer, secrets);
    int closeFailures = 0;
    if (sync != null) {
      ClosedTickets closed = close(sync, updated, result, bundles);
      updated = closed.record();
      closeFailures = closed.failed();
      RecordStore.write(record, updated);
    }
    ledgerOption.append(updated, record.toString(), spec.commandLine().getOut());
    boolean delivered = notify(notifications, updated, result, now);
    if (closeFailures > 0) {
      return ExitCodes.EXTERNAL_FAILURE;
    }
    if (result.outcome() == VerifyResult.Outcome.FAILED) {
      return ExitCodes.THRESHOLD;
    }
    return delivered ? ExitCodes.OK : ExitCodes.INPUT_ERROR;
  }

  /** The record after closing tickets, and how many closes failed. */
  private record ClosedTickets(PatchRecord record, int failed) {}

  /** Notifies the configured VM systems; returns false when a delivery failed. */
  private boolean notify(
      VmNotifications notifications, PatchRecord patchRecord, VerifyResult result, Instant now) {
    if (notifications.isEmpty()) {
      return true;
    }
    boolean all = true;
    for (VmNotifications.Delivery delivery : notifications.notify(patchRecord, result, now)) {
      String line =
          String.format(
              Locale.ROOT,
              "%-13s %-10s %s",
              delivery.unitId(),
              delivery.system(),
              Terminal.safe(delivery.detail()));
      if (delivery.delivered()) {
        spec.commandLine().getOut().println(line);
      } else {
        all = false;
        spec.commandLine().getErr().println("patch-pipeline: notification failed: " + line);
      }
    }
    spec.commandLine().getOut().flush();
    return all;
  }

  private void print(VerifyResult result) {
    PrintWriter out = spec.commandLine().getOut();
    for (Message message : result.messages()) {
      spec.commandLine().getErr().println("patch-pipeline: " + Terminal.safe(message.toString()));
    }
    out.println(
        "Verified "
            + result.verifiedUnits()
            + " of "
            + result.units().size()
            + " remediation units; outcome "
            + result.outcome());
    for (UnitVerdict unit : result.units()) {
      out.println(
          Terminal.safe(
              String.format(
                  Locale.ROOT,
                  "%-13s %-9s %s",
                  unit.unitId(),
                  unit.verified() ? "verified" : "open",
                  unit.closure().reason())));
    }
    out.flush();
  }

  /**
   * Writes a bundle for each verified unit and returns the zip files by unit id. A bundle that
   * contains the signing key or one of {@code secrets} is rejected.
   */
  private java.util.Map<String, Path> writeEvidence(
      PatchRecord patchRecord,
      VerifyResult result,
      java.time.Instant now,
      java.util.Optional<io.patchpipeline.engine.evidence.EvidenceSigner> signer,
      List<String> secrets)
      throws Exception {
    Path root =
        evidence != null
            ? evidence
            : java.nio.file.Files.createTempDirectory("patch-pipeline-evidence");
    Path folder = root.resolve(now.toString().replace(':', '-'));
    java.util.Map<String, Path> zips =
        new EvidenceBundles(signer, secrets)
            .write(patchRecord, record, result, rescans, folder, now, UnitVerdict::verified);
    for (java.util.Map.Entry<String, Path> zip : zips.entrySet()) {
      String zipFile = zip.getValue().toString();
      Path bundle = Path.of(zipFile.substring(0, zipFile.length() - ".zip".length()));
      if (evidenceStore.isSet()) {
        evidenceStore.upload(bundle, environment, spec.commandLine().getOut());
      }
      spec.commandLine().getOut().println("Evidence for " + zip.getKey() + " in " + bundle);
    }
    return zips;
  }

  /** Returns the secrets of this run that must never reach an evidence bundle. */
  private List<String> knownSecrets() {
    List<String> secrets = new ArrayList<>();
    for (String variable :
        List.of(
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            notify.defectDojoKeyEnv,
            notify.webhookSecretEnv)) {
      String value = environment.apply(variable);
      if (value != null && value.strip().length() >= 4) {
        secrets.add(value.strip());
      }
    }
    if (ledgerOption.passwordEnv != null) {
      String password = environment.apply(ledgerOption.passwordEnv);
      if (password != null && !password.isEmpty()) {
        secrets.add(password);
      }
    }
    return secrets;
  }

  /**
   * Closes the ticket of each verified unit that has an open one. A failed close is reported for
   * its unit and stays pending in the outbox, and the other units are still closed.
   */
  private ClosedTickets close(
      TicketSync sync,
      PatchRecord patchRecord,
      VerifyResult result,
      java.util.Map<String, Path> bundles) {
    PatchRecord current = patchRecord;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    for (UnitVerdict unit : result.units()) {
      java.util.Optional<TicketLink> link = TicketLinks.of(current).unit(unit.unitId());
      if (!unit.verified() || link.isEmpty() || link.get().status().equals("closed")) {
        continue;
      }
      String text = VerifySection.closingComment(current, unit.unitId());
      try {
        current =
            sync.close(
                current,
                unit.unitId(),
                text,
                java.util.Optional.ofNullable(bundles.get(unit.unitId())));
        out.println("Closed " + link.get().key() + " for " + unit.unitId());
      } catch (java.io.IOException | RuntimeException e) {
        failed++;
        err.println(
            "patch-pipeline: error: "
                + unit.unitId()
                + ": ticket "
                + Terminal.safe(link.get().key())
                + " was not closed: "
                + Terminal.safe(String.valueOf(e.getMessage()))
                + ". The close is pending in "
                + io.patchpipeline.engine.ticket.Outbox.besideRecord(record)
                + "; run verify again to retry it.");
      }
    }
    return new ClosedTickets(current, failed);
  }

  private List<VerifyOptions.InventoryInput> inventories() {
    List<VerifyOptions.InventoryInput> inputs = new ArrayList<>();
    for (String value : installed) {
      String[] parts = value.split(":", 3);
      if (parts.length != 3) {
        throw new InputException(
            "--installed", "", "invalid value '" + value + "'; expected FORMAT:HOST:FILE");
      }
      InventoryFormat format;
      try {
        format = InventoryFormat.valueOf(parts[0].toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InputException(
            "--installed",
            "",
            "unknown format '" + parts[0] + "'; expected ansible, dpkg, rpm, apk or uname");
      }
      Path file = Path.of(parts[2]);
      if (!java.nio.file.Files.exists(file)) {
        throw new InputException(
            "--installed",
            "",
            Terminal.safe(value)
                + ": file '"
                + Terminal.safe(parts[2])
                + "' not found; expected FORMAT:HOST:FILE such as dpkg:db-01:db-01.txt");
      }
      inputs.add(
          new VerifyOptions.InventoryInput(
              InputFiles.requireFile("--installed", file), format, parts[1]));
    }
    return inputs;
  }

  private VerifyOptions.FailureMode failureMode() {
    try {
      return VerifyOptions.FailureMode.valueOf(onRemaining.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException(
          "--on-remaining",
          "",
          "invalid value '" + onRemaining + "'; expected fail, unstable or ignore");
    }
  }
}
