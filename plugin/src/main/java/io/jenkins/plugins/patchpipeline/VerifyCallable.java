package io.jenkins.plugins.patchpipeline;

import hudson.remoting.VirtualChannel;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.evidence.EvidenceSigner;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.service.EvidenceBundles;
import io.patchpipeline.engine.service.SigningKeys;
import io.patchpipeline.engine.service.VerifySection;
import io.patchpipeline.engine.service.VerifySummary;
import io.patchpipeline.engine.service.VerifyTrend;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.verify.UnitVerdict;
import io.patchpipeline.engine.verify.VerifyOptions;
import io.patchpipeline.engine.verify.VerifyResult;
import io.patchpipeline.engine.verify.VerifyService;
import io.patchpipeline.engine.verify.vm.VmNotifications;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.MasterToSlaveFileCallable;

/**
 * Verifies the build's record where the workspace is: reads the re-scan and installed-version files
 * on the agent, writes an evidence bundle per unit there, and sends back the updated record, the
 * summary, and only the bundles that tickets need.
 */
final class VerifyCallable extends MasterToSlaveFileCallable<VerifyOutcome> {
  private static final long serialVersionUID = 1L;

  /** Units listed one per line in the build log; the record keeps every verdict. */
  private static final int MAX_UNIT_LINES = 200;

  private final byte[] record;
  private final VerifySettings settings;
  private final String stamp;
  private final boolean attachVerified;

  /**
   * The content of the signing key credential, or {@code null}. It travels to the agent over the
   * remoting channel, as {@code withCredentials} secrets do, because the bundles are signed there.
   */
  private final byte[] signingKey;

  /** The systems that verified units and bundles are also sent to, with their secrets. */
  private final VerifyDeliveries deliveries;

  /**
   * @param stamp the name of the folder that receives this run's bundles, unique per call
   * @param attachVerified whether to send back the bundles of verified units for their tickets
   */
  VerifyCallable(
      byte[] record,
      VerifySettings settings,
      byte[] signingKey,
      String stamp,
      boolean attachVerified,
      VerifyDeliveries deliveries) {
    this.record = record.clone();
    this.settings = settings;
    this.signingKey = signingKey == null ? null : signingKey.clone();
    this.stamp = stamp;
    this.attachVerified = attachVerified;
    this.deliveries = deliveries;
  }

  @Override
  public VerifyOutcome invoke(File workspace, VirtualChannel channel) throws IOException {
    Path root = workspace.toPath();
    try {
      PatchRecord patchRecord =
          RecordStore.read(new ByteArrayInputStream(record), BuildRecords.RECORD_FILE);
      Optional<EvidenceSigner> signer =
          signingKey == null ? Optional.empty() : Optional.of(SigningKeys.signer(signingKey));
      VerifyOptions options = settings.toOptions(root);
      VerifyResult result = new VerifyService().verify(patchRecord, options);
      Instant now = Instant.now();
      PatchRecord updated = VerifySection.write(patchRecord, result, now);
      Path folder = settings.bundleFolder(root, stamp);
      Map<String, Path> zips =
          new EvidenceBundles(signer, deliveries.secrets())
              .write(
                  updated,
                  root.resolve(BuildRecords.RECORD_FILE),
                  result,
                  options.rescanReports(),
                  folder,
                  now,
                  verdict -> true);
      ArrayList<String> delivered = new ArrayList<>();
      ArrayList<String> undelivered = new ArrayList<>();
      deliver(updated, result, zips, now, delivered, undelivered);
      LinkedHashMap<String, Object> summary = new LinkedHashMap<>(VerifySummary.toMap(result));
      summary.put("slaMet", VerifyTrend.of("", updated).slaMet());
      return new VerifyOutcome(
          RecordStore.toBytes(updated),
          summary,
          lines(result),
          result.outcome().name(),
          locations(root, zips),
          attachments(updated, result, zips),
          delivered,
          undelivered,
          null);
    } catch (InputException e) {
      return VerifyOutcome.failed(e.getMessage());
    } catch (IllegalArgumentException e) {
      // VerifyOptions and SigningKeys reject bad values with a message that names the value.
      return VerifyOutcome.failed(e.getMessage());
    }
  }

  /**
   * Notifies DefectDojo and the webhook of the verified units and uploads every bundle to the
   * evidence store, one line per unit and system. A failure does not stop the other deliveries.
   */
  private void deliver(
      PatchRecord record,
      VerifyResult result,
      Map<String, Path> zips,
      Instant now,
      List<String> delivered,
      List<String> undelivered) {
    for (VmNotifications.Delivery delivery :
        deliveries.notifications().notify(record, result, now)) {
      String line = delivery.unitId() + " " + delivery.system() + ": " + delivery.detail();
      (delivery.delivered() ? delivered : undelivered).add(line);
    }
    if (!deliveries.uploads()) {
      return;
    }
    for (Map.Entry<String, Path> zip : zips.entrySet()) {
      // The bundle's folder lies beside its zip, under the same name without ".zip".
      String name = String.valueOf(zip.getValue().getFileName());
      Path bundle =
          zip.getValue().resolveSibling(name.substring(0, name.length() - ".zip".length()));
      try {
        delivered.add(zip.getKey() + " evidence store: uploaded " + deliveries.upload(bundle));
      } catch (IOException e) {
        undelivered.add(zip.getKey() + " evidence store: " + e.getMessage());
      }
    }
  }

  private static ArrayList<String> lines(VerifyResult result) {
    ArrayList<String> lines = new ArrayList<>();
    for (Message message : result.messages()) {
      lines.add(message.toString());
    }
    for (UnitVerdict unit :
        result.units().subList(0, Math.min(MAX_UNIT_LINES, result.units().size()))) {
      lines.add(
          unit.unitId() + (unit.verified() ? " verified: " : " open: ") + unit.closure().reason());
    }
    if (result.units().size() > MAX_UNIT_LINES) {
      lines.add(
          (result.units().size() - MAX_UNIT_LINES) + " more units; the record lists them all");
    }
    return lines;
  }

  private LinkedHashMap<String, String> locations(Path root, Map<String, Path> zips) {
    LinkedHashMap<String, String> locations = new LinkedHashMap<>();
    zips.forEach(
        (unitId, zip) ->
            locations.put(
                unitId,
                settings.archivesEvidence()
                    ? root.relativize(zip).toString().replace('\\', '/')
                    : zip.toAbsolutePath().toString()));
    return locations;
  }

  private LinkedHashMap<String, byte[]> attachments(
      PatchRecord record, VerifyResult result, Map<String, Path> zips) throws IOException {
    LinkedHashMap<String, byte[]> attachments = new LinkedHashMap<>();
    if (!attachVerified) {
      return attachments;
    }
    for (UnitVerdict unit : result.units()) {
      Path zip = zips.get(unit.unitId());
      boolean ticketOpen =
          TicketLinks.of(record)
              .unit(unit.unitId())
              .filter(link -> !"closed".equals(link.status()))
              .isPresent();
      if (unit.verified() && zip != null && ticketOpen) {
        attachments.put(unit.unitId(), Files.readAllBytes(zip));
      }
    }
    return attachments;
  }
}
