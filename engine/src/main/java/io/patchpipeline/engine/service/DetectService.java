package io.patchpipeline.engine.service;

import io.patchpipeline.engine.asset.Inventory;
import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.intel.ThreatIntel;
import io.patchpipeline.engine.policy.Policy;
import io.patchpipeline.engine.record.InputFile;
import io.patchpipeline.engine.record.IntelInfo;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.record.UnitGrouper;
import io.patchpipeline.engine.report.FileReportInput;
import io.patchpipeline.engine.report.Finding;
import io.patchpipeline.engine.report.FindingSink;
import io.patchpipeline.engine.report.ParsedReport;
import io.patchpipeline.engine.report.ReportParser;
import io.patchpipeline.engine.report.ReportReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Detect stage: reads every report, enriches and prioritizes each finding, groups findings into
 * remediation units and writes the record. A report that cannot be read fails the whole run before
 * anything is written, so no ticket is ever opened from a half-read run.
 */
public final class DetectService {
  private final ReportReader reader;

  public DetectService() {
    this(ReportReader.withAllFormats());
  }

  public DetectService(ReportReader reader) {
    this.reader = reader;
  }

  public DetectResult run(DetectOptions options) throws IOException {
    return run(options, Progress.NONE);
  }

  /**
   * Runs Detect.
   *
   * @throws io.patchpipeline.engine.core.InputException for a missing or invalid report, feed,
   *     inventory or policy; its message names the file, the position and what was expected
   */
  public DetectResult run(DetectOptions options, Progress progress) throws IOException {
    Instant now = options.clock().instant();
    Messages messages = new Messages();
    List<InputFile> inputs = new ArrayList<>();
    Policy policy = Sources.policy(options);
    ThreatIntel intel = Sources.intel(options, inputs, messages);
    Inventory inventory = Sources.inventory(options, inputs, messages);
    List<Path> files = ReportFiles.resolve(options.baseDir(), options.reports());
    Optional<Path> recordOut =
        options.recordOut().map(out -> RecordTarget.check(options.baseDir(), out, files));

    FindingCollector collector = new FindingCollector(inventory, intel);
    for (Path file : files) {
      inputs.add(readReport(options.baseDir(), file, collector, progress));
    }
    collector.warnings().forEach(messages::warning);

    FirstSeen firstSeen = FirstSeen.from(options, now);
    List<UnitFinding> findings =
        collector.drain(
            (key, merged) ->
                RecordFindings.toUnitFinding(key, merged, policy, firstSeen.of(key.findingId())));
    List<RemediationUnit> units = UnitGrouper.group(findings, policy.ticketPriorities()::get);
    DetectSummary summary =
        DetectSummary.of(
            units, findings, inputs, collector.excluded().size(), collector.unknownAssets());
    summarize(summary, collector.received(), messages);

    PatchRecord record =
        new PatchRecord(
            PatchRecord.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            now,
            inputs,
            intelInfo(intel),
            policyInput(options, policy),
            findings,
            collector.excluded(),
            units,
            collector.unknownAssets(),
            messages.list(),
            Map.of(FirstSeen.STAGE, firstSeen.section(findings)));
    if (recordOut.isPresent()) {
      RecordTarget.write(recordOut.get(), record);
    }
    return new DetectResult(record, messages, options.failOn());
  }

  private static InputFile policyInput(DetectOptions options, Policy policy) {
    return new InputFile(
        options.policy().orElse(policy.source()),
        "policy",
        policy.sha256(),
        policy.name() + " (preset " + policy.preset() + ")",
        "",
        0);
  }

  private InputFile readReport(Path baseDir, Path file, FindingSink collector, Progress progress)
      throws IOException {
    String name = ReportFiles.relative(baseDir, file);
    FileReportInput input = new FileReportInput(name, file);
    ReportParser parser = reader.detect(input);
    progress.reading(name, 0);
    long[] count = {0};
    FindingSink counting =
        new FindingSink() {
          @Override
          public void accept(Finding finding) {
            collector.accept(finding);
            if (++count[0] % Progress.EVERY == 0) {
              progress.reading(name, count[0]);
            }
          }

          @Override
          public void excluded(Finding finding, String state, String justification) {
            collector.excluded(finding, state, justification);
          }

          @Override
          public void warning(String text) {
            collector.warning(text);
          }
        };
    ParsedReport parsed = parser.parse(input, counting);
    String scanner = (parsed.scanner().name() + " " + parsed.scanner().version()).trim();
    return new InputFile(
        name,
        "report",
        Hashing.sha256(file),
        parsed.format(),
        scanner,
        parsed.findings(),
        file.toAbsolutePath().normalize().toString());
  }

  private static IntelInfo intelInfo(ThreatIntel intel) {
    return new IntelInfo(
        intel.epss().map(e -> e.modelVersion()).orElse(""),
        intel.epss().flatMap(e -> e.scoreDate()),
        intel.epss().map(e -> e.size()).orElse(0),
        intel.kev().map(k -> k.catalogVersion()).orElse(""),
        intel.kev().flatMap(k -> k.dateReleased()),
        intel.kev().map(k -> k.size()).orElse(0));
  }

  private static void summarize(DetectSummary summary, long received, Messages messages) {
    messages.info(SummaryText.headline(summary, received));
    if (!summary.unknownAssets().isEmpty()) {
      messages.warning(
          SummaryText.count(summary.unknownAssets().size(), "target matches", "targets match")
              + " no inventory entry and count as unknown assets: "
              + SummaryText.firstFew(summary.unknownAssets()));
    }
    if (!summary.kevCves().isEmpty()) {
      messages.info(
          SummaryText.count(summary.kevCves().size(), "CVE is", "CVEs are")
              + " in CISA KEV: "
              + SummaryText.firstFew(summary.kevCves()));
    }
  }
}
