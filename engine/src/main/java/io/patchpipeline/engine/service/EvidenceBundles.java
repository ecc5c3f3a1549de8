package io.patchpipeline.engine.service;

import io.patchpipeline.engine.evidence.EvidenceSigner;
import io.patchpipeline.engine.evidence.EvidenceWriter;
import io.patchpipeline.engine.evidence.EvidenceZip;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.verify.UnitVerdict;
import io.patchpipeline.engine.verify.VerifyResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Writes the evidence bundles of a verification: one folder per unit with its manifest (and
 * signature when a signer is given), packed into {@code UNIT_ID.zip} beside it. The CLI and the
 * Jenkins step share it, so both write the same bundle for the same record and inputs.
 */
public final class EvidenceBundles {
  private final EvidenceWriter writer;

  /**
   * @param secrets values that must never appear in a bundle; a bundle that contains one is not
   *     written
   */
  public EvidenceBundles(Optional<EvidenceSigner> signer, Collection<String> secrets) {
    this.writer = new EvidenceWriter(signer, secrets);
  }

  /**
   * Writes a bundle for each unit verdict that {@code which} accepts into {@code folder}.
   *
   * @param recordFile the record file; the before-scans are looked up beside it
   * @param afterScans the re-scan reports, copied into every bundle
   * @return the zip file of each unit, by unit id, in verdict order
   * @throws IOException when a bundle cannot be written or would contain a secret
   */
  public Map<String, Path> write(
      PatchRecord record,
      Path recordFile,
      VerifyResult result,
      List<Path> afterScans,
      Path folder,
      Instant now,
      Predicate<UnitVerdict> which)
      throws IOException {
    Map<String, Path> zips = new LinkedHashMap<>();
    for (UnitVerdict verdict : result.units()) {
      Optional<RemediationUnit> unit = record.unit(verdict.unitId());
      if (!which.test(verdict) || unit.isEmpty()) {
        continue;
      }
      Path bundle =
          writer.writeUnit(
              UnitEvidenceBuilder.build(record, recordFile, unit.get(), result, afterScans, now),
              folder);
      Path zip = folder.resolve(bundle.getFileName() + ".zip");
      EvidenceZip.pack(bundle, zip);
      zips.put(verdict.unitId(), zip);
    }
    return zips;
  }
}
