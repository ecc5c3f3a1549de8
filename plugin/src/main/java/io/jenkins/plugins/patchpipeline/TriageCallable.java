package io.jenkins.plugins.patchpipeline;

import hudson.remoting.VirtualChannel;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.triage.TriageResult;
import io.patchpipeline.engine.triage.TriageService;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs triage where the workspace is, so that the policy, inventory and SSVC files are read on the
 * agent. The record travels there and back as JSON bytes.
 */
final class TriageCallable extends MasterToSlaveFileCallable<TriageOutcome> {
  private static final long serialVersionUID = 1L;

  private final byte[] record;
  private final TriageSettings settings;
  private final String startedBy;
  private final ArrayList<String> changeAuthors;

  TriageCallable(
      byte[] record, TriageSettings settings, String startedBy, List<String> changeAuthors) {
    this.record = record.clone();
    this.settings = settings;
    this.startedBy = startedBy;
    this.changeAuthors = new ArrayList<>(changeAuthors);
  }

  @Override
  public TriageOutcome invoke(File workspace, VirtualChannel channel) throws IOException {
    TriageResult result;
    try {
      PatchRecord parsed =
          RecordStore.read(new ByteArrayInputStream(record), BuildRecords.RECORD_FILE);
      result =
          TriageService.decide(
              parsed,
              BuildRecords.RECORD_FILE,
              settings.toOptions(workspace.toPath(), startedBy, changeAuthors));
    } catch (InputException e) {
      return TriageOutcome.failed(e.getMessage());
    }
    List<String> lines = new ArrayList<>();
    for (Message message : result.messages().list()) {
      lines.add(message.toString());
    }
    return TriageOutcome.completed(
        RecordStore.toBytes(result.record()), result.summary().toMap(), lines);
  }
}
