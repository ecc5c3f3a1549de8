package io.jenkins.plugins.patchpipeline;

import io.patchpipeline.engine.triage.Approval;
import io.patchpipeline.engine.triage.TriageOptions;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The step's parameters as plain serializable values, copied once from {@link PatchTriageStep}.
 *
 * @param approve unit ids to approve; empty means decide
 * @param tickets the configured ticket system to comment on; {@code null} for none
 */
record TriageSettings(
    String policy,
    String inventory,
    String ssvc,
    ArrayList<String> approve,
    String approver,
    String reason,
    boolean emergencyBypass,
    String tickets)
    implements Serializable {

  static TriageSettings of(PatchTriageStep step) {
    return new TriageSettings(
        blankToNull(step.getPolicy()),
        blankToNull(step.getInventory()),
        blankToNull(step.getSsvc()),
        new ArrayList<>(
            step.getApprove().stream().map(String::trim).filter(s -> !s.isEmpty()).toList()),
        blankToNull(step.getApprover()),
        step.getReason() == null ? "" : step.getReason().trim(),
        step.isEmergencyBypass(),
        blankToNull(step.getTickets()));
  }

  boolean isApproval() {
    return !approve.isEmpty();
  }

  boolean readsWorkspace() {
    return policy != null || inventory != null || ssvc != null;
  }

  Approval.Kind kind() {
    return emergencyBypass ? Approval.Kind.EMERGENCY_BYPASS : Approval.Kind.APPROVAL;
  }

  /**
   * Returns the engine options with workspace-relative files resolved against {@code workspace}.
   */
  TriageOptions toOptions(Path workspace, String startedBy, List<String> changeAuthors) {
    return TriageOptions.builder(workspace.resolve(BuildRecords.RECORD_FILE))
        .policy(resolve(workspace, policy))
        .inventory(resolve(workspace, inventory))
        .ssvc(resolve(workspace, ssvc))
        .startedBy(startedBy)
        .changeAuthors(changeAuthors)
        .build();
  }

  private static Path resolve(Path workspace, String file) {
    return file == null ? null : workspace.resolve(file);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
