package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.asset.InventoryLoader;
import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.policy.Policy;
import io.patchpipeline.engine.policy.PolicyLoader;
import io.patchpipeline.engine.policy.Presets;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The Triage stage: decides a record's units under the policy, and records people's approvals. */
public final class TriageService {
  private TriageService() {}

  /**
   * Decides every unit of the record and, unless it is a dry run, writes the record with its triage
   * section.
   */
  public static TriageResult triage(TriageOptions options) throws IOException {
    PatchRecord record = RecordStore.read(options.record());
    TriageResult result = decide(record, options.record().toString(), options);
    if (!options.dryRun()) {
      RecordStore.write(options.recordOut().orElse(options.record()), result.record());
    }
    return result;
  }

  /**
   * Decides every unit of {@code record}, which a front end already holds, and returns the record
   * with its new triage section without writing it; {@code options.record()} is not read.
   *
   * @param recordName the record's name in messages
   */
  public static TriageResult decide(PatchRecord record, String recordName, TriageOptions options)
      throws IOException {
    Policy policy =
        options.policy().isPresent()
            ? PolicyLoader.resolve(Path.of(""), options.policy().get().toString())
            : Presets.defaultPolicy();
    TriagePolicy triagePolicy = TriagePolicies.of(policy);
    SsvcInputs ssvc =
        options.ssvc().isPresent() ? SsvcInputs.load(options.ssvc().get()) : SsvcInputs.NONE;
    Messages messages = new Messages();
    AssetLookup assets =
        options.inventory().isPresent()
            ? AssetLookup.of(InventoryLoader.load(options.inventory().get(), messages))
            : AssetLookup.none();
    Triage triage = new Triage(triagePolicy, assets, ssvc);
    Instant now = options.clock().instant();
    Triage.Run run = triage.decide(record, now, options.startedBy(), options.changeAuthors());
    Optional<TriageDiff> diff = Optional.empty();
    if (options.against().isPresent()) {
      PatchRecord earlier = RecordStore.read(options.against().get());
      Instant then = earlier.createdAt() == null ? now : earlier.createdAt();
      Triage.Run before = triage.decide(earlier, then, Optional.empty(), List.of());
      diff = Optional.of(TriageDiff.between(before, run));
    }
    warnAboutDroppedApprovals(record, recordName, messages);
    messages.info(counts(run.section()));
    PatchRecord updated = TriageRecords.write(record, run.section());
    return new TriageResult(updated, triagePolicy, run.section(), diff, messages);
  }

  /**
   * Records a person's approval of pending units and writes the record.
   *
   * @throws ApprovalException when a unit does not wait for approval or the approver may not
   *     approve it; the record is then left unchanged
   */
  public static TriageSection approve(ApprovalOptions options) throws IOException {
    Path file = options.record();
    PatchRecord record = RecordStore.read(file);
    TriageSection section =
        TriageRecords.read(record, file.toString())
            .orElseThrow(
                () ->
                    new ApprovalException(
                        file.toString(), "the record has no triage decisions; run triage first"));
    TriageSection approved = Approvals.approve(section, options.request(), file.toString());
    RecordStore.write(options.recordOut().orElse(file), TriageRecords.write(record, approved));
    return approved;
  }

  private static void warnAboutDroppedApprovals(
      PatchRecord record, String recordName, Messages messages) {
    TriageRecords.read(record, recordName)
        .filter(s -> !s.approvals().isEmpty())
        .ifPresent(
            s ->
                messages.warning(
                    s.approvals().size()
                        + " earlier approvals were dropped because the units were decided again on"
                        + " the current data; approve the pending units again."));
  }

  private static String counts(TriageSection section) {
    long auto =
        section.decisions().stream().filter(d -> d.outcome() == Outcome.AUTO_APPROVED).count();
    long emergencies =
        section.decisions().stream().filter(d -> d.outcome() == Outcome.EMERGENCY).count();
    return "Triaged "
        + section.decisions().size()
        + " units on "
        + LocalDate.ofInstant(section.decidedAt(), ZoneOffset.UTC)
        + ": "
        + auto
        + " approved automatically, "
        + section.pendingIds().size()
        + " waiting for approval ("
        + emergencies
        + (emergencies == 1 ? " emergency), " : " emergencies), ")
        + section.deferredIds().size()
        + " deferred.";
  }
}
