package io.jenkins.plugins.patchpipeline;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.patchpipeline.engine.core.AtomicFiles;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.report.ReportReader;
import io.patchpipeline.engine.service.DetectOptions;
import io.patchpipeline.engine.service.DetectResult;
import io.patchpipeline.engine.service.DetectService;
import io.patchpipeline.engine.service.DetectSummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs Detect where the workspace is, so that reports are read on the agent and only the record and
 * the summary travel to the controller.
 */
final class DetectCallable extends MasterToSlaveFileCallable<DetectOutcome> {
  private static final long serialVersionUID = 1L;

  private final DetectSettings settings;
  private final TaskListener listener;

  /** Report formats for tests; {@code null}, and so every engine format, on a real agent. */
  private final transient ReportReader reader;

  /** The record of an earlier build whose first-seen times carry over, or {@code null}. */
  private final byte[] previousRecord;

  DetectCallable(DetectSettings settings, TaskListener listener, ReportReader reader) {
    this(settings, listener, reader, null);
  }

  DetectCallable(
      DetectSettings settings, TaskListener listener, ReportReader reader, byte[] previousRecord) {
    this.settings = settings;
    this.listener = listener;
    this.reader = reader;
    this.previousRecord = previousRecord == null ? null : previousRecord.clone();
  }

  @Override
  public DetectOutcome invoke(File workspace, VirtualChannel channel) throws IOException {
    DetectResult result;
    try {
      DetectService service = reader == null ? new DetectService() : new DetectService(reader);
      result = service.run(options(workspace.toPath()), this::progress);
    } catch (InputException e) {
      return DetectOutcome.failed(e.getMessage());
    } catch (IllegalArgumentException e) {
      // Priority.parse rejects a bad failOnPriority with a message that names the value.
      return DetectOutcome.failed(e.getMessage());
    }
    List<String> lines = new ArrayList<>();
    for (Message message : result.messages().list()) {
      lines.add(message.toString());
    }
    DetectSummary summary = result.summary();
    Map<String, Object> values = summary.toMap();
    // The lists in the map stop at DetectSummary.MAX_LISTED entries; the counts do not.
    values.put("kevCveCount", summary.kevCves().size());
    values.put("unknownAssetCount", summary.unknownAssets().size());
    return DetectOutcome.completed(
        RecordStore.toBytes(result.record()), values, lines, result.thresholdCrossed());
  }

  /** Builds the options, with the earlier record written beside the new one in the workspace. */
  private DetectOptions options(Path workspace) throws IOException {
    if (previousRecord == null) {
      return settings.toOptions(workspace);
    }
    Path previous = workspace.resolve(DetectSettings.PREVIOUS_RECORD_PATH);
    AtomicFiles.write(previous, previousRecord);
    return settings.toOptions(workspace, previous);
  }

  private void progress(String file, long findingsSoFar) {
    if (findingsSoFar > 0) {
      listener
          .getLogger()
          .println(
              Messages.Console_Progress(file, String.format(Locale.ROOT, "%,d", findingsSoFar)));
    }
  }
}
