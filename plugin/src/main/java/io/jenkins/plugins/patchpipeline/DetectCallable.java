package io.jenkins.plugins.patchpipeline;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.report.ReportReader;
import io.patchpipeline.engine.service.DetectResult;
import io.patchpipeline.engine.service.DetectService;
import io.patchpipeline.engine.service.DetectSummary;
import java.io.File;
import java.io.IOException;
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

  DetectCallable(DetectSettings settings, TaskListener listener, ReportReader reader) {
    this.settings = settings;
    this.listener = listener;
    this.reader = reader;
  }

  @Override
  public DetectOutcome invoke(File workspace, VirtualChannel channel) throws IOException {
    DetectResult result;
    try {
      DetectService service = reader == null ? new DetectService() : new DetectService(reader);
      result = service.run(settings.toOptions(workspace.toPath()), this::progress);
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

  private void progress(String file, long findingsSoFar) {
    if (findingsSoFar > 0) {
      listener
          .getLogger()
          .println(
              Messages.Console_Progress(file, String.format(Locale.ROOT, "%,d", findingsSoFar)));
    }
  }
}
