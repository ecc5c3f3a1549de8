package io.jenkins.plugins.patchpipeline;

import org.jvnet.localizer.ResourceBundleHolder;

/**
 * Texts of {@code Messages.properties}, in the form that core's localizer generates. It is written
 * by hand because localizer-maven-plugin does not resolve from Maven Central (its
 * annotation-indexer dependency is published only to the Jenkins repository).
 */
public final class Messages {
  private static final ResourceBundleHolder HOLDER = ResourceBundleHolder.get(Messages.class);

  private Messages() {}

  public static String PatchDetectStep_DisplayName() {
    return HOLDER.format("PatchDetectStep.DisplayName");
  }

  public static String PatchPipelineConfiguration_DisplayName() {
    return HOLDER.format("PatchPipelineConfiguration.DisplayName");
  }

  public static String DetectAction_DisplayName() {
    return HOLDER.format("DetectAction.DisplayName");
  }

  public static String Console_Record(Object file) {
    return HOLDER.format("Console.Record", file);
  }

  public static String Console_Prefix(Object message) {
    return HOLDER.format("Console.Prefix", message);
  }

  public static String Console_Progress(Object file, Object findings) {
    return HOLDER.format("Console.Progress", file, findings);
  }

  public static String Detect_ThresholdCrossed(Object count, Object priority) {
    return HOLDER.format("Detect.ThresholdCrossed", count, priority);
  }

  public static String Detect_Failed(Object problem) {
    return HOLDER.format("Detect.Failed", problem);
  }

  public static String Validation_Required() {
    return HOLDER.format("Validation.Required");
  }

  public static String Validation_AbsolutePath() {
    return HOLDER.format("Validation.AbsolutePath");
  }

  public static String Validation_Priority(Object value) {
    return HOLDER.format("Validation.Priority", value);
  }

  public static String Validation_SourceUrl() {
    return HOLDER.format("Validation.SourceUrl");
  }

  public static String Validation_Source(Object value) {
    return HOLDER.format("Validation.Source", value);
  }

  public static String Credentials_NotFound(Object id, Object type, Object purpose) {
    return HOLDER.format("Credentials.NotFound", id, type, purpose);
  }

  public static String CanaryDeployStep_DisplayName() {
    return HOLDER.format("CanaryDeployStep.DisplayName");
  }

  public static String DeployAction_DisplayName() {
    return HOLDER.format("DeployAction.DisplayName");
  }

  public static String Deploy_Failed(Object problem) {
    return HOLDER.format("Deploy.Failed", problem);
  }

  public static String Deploy_Stopped(Object status, Object reason) {
    return HOLDER.format("Deploy.Stopped", status, reason);
  }

  public static String Deploy_Waiting(Object wave, Object reason, Object plan) {
    return HOLDER.format("Deploy.Waiting", wave, reason, plan);
  }

  public static String Deploy_InvalidDecision(Object value) {
    return HOLDER.format("Deploy.InvalidDecision", value);
  }

  public static String Deploy_NoDecisionInput(Object plan) {
    return HOLDER.format("Deploy.NoDecisionInput", plan);
  }

  public static String Deploy_BodyNeedsBlockTool(Object plan, Object tool) {
    return HOLDER.format("Deploy.BodyNeedsBlockTool", plan, tool);
  }

  public static String Deploy_BlockToolNeedsBody(Object plan) {
    return HOLDER.format("Deploy.BlockToolNeedsBody", plan);
  }

  public static String Verify_DeliveryFailed(Object line) {
    return HOLDER.format("Verify.DeliveryFailed", line);
  }

  public static String Deploy_InvalidChangeRequest(Object value) {
    return HOLDER.format("Deploy.InvalidChangeRequest", value);
  }

  public static String Deploy_ChangeRequestNeedsSystem(Object reference) {
    return HOLDER.format("Deploy.ChangeRequestNeedsSystem", reference);
  }

  public static String Deploy_NoticeFailed(Object problem) {
    return HOLDER.format("Deploy.NoticeFailed", problem);
  }

  public static String Deploy_KubeconfigUnused(Object plan, Object tool) {
    return HOLDER.format("Deploy.KubeconfigUnused", plan, tool);
  }

  public static String PatchTriageStep_DisplayName() {
    return HOLDER.format("PatchTriageStep.DisplayName");
  }

  public static String Triage_Failed(Object problem) {
    return HOLDER.format("Triage.Failed", problem);
  }

  public static String Triage_NoRecord() {
    return HOLDER.format("Triage.NoRecord");
  }

  public static String Triage_NotTriaged() {
    return HOLDER.format("Triage.NotTriaged");
  }

  public static String Triage_NeedsWorkspace() {
    return HOLDER.format("Triage.NeedsWorkspace");
  }

  public static String Triage_NoInputApproval() {
    return HOLDER.format("Triage.NoInputApproval");
  }

  public static String Triage_ApproverMismatch(Object given, Object recorded) {
    return HOLDER.format("Triage.ApproverMismatch", given, recorded);
  }

  public static String Triage_TicketsUnstable(Object system) {
    return HOLDER.format("Triage.TicketsUnstable", system);
  }

  public static String ConfiguredTicketSystem_DisplayName() {
    return HOLDER.format("ConfiguredTicketSystem.DisplayName");
  }

  public static String Tickets_UnknownSystem(Object name, Object configured) {
    return HOLDER.format("Tickets.UnknownSystem", name, configured);
  }

  public static String Tickets_Invalid(Object name, Object problem) {
    return HOLDER.format("Tickets.Invalid", name, problem);
  }

  public static String Tickets_InvalidProxy(Object problem) {
    return HOLDER.format("Tickets.InvalidProxy", problem);
  }

  public static String Tickets_WritesFailed(Object units, Object name) {
    return HOLDER.format("Tickets.WritesFailed", units, name);
  }

  public static String Tickets_TestNoName() {
    return HOLDER.format("Tickets.TestNoName");
  }

  public static String Tickets_TestNotSaved(Object name) {
    return HOLDER.format("Tickets.TestNotSaved", name);
  }

  public static String Tickets_TestPassed(Object result) {
    return HOLDER.format("Tickets.TestPassed", result);
  }

  public static String Tickets_TestFailed(Object problem) {
    return HOLDER.format("Tickets.TestFailed", problem);
  }

  public static String Detect_PreviousRecord(Object build) {
    return HOLDER.format("Detect.PreviousRecord", build);
  }

  public static String Detect_PreviousRecordInvalid(Object build, Object problem) {
    return HOLDER.format("Detect.PreviousRecordInvalid", build, problem);
  }

  public static String VerifyCveStep_DisplayName() {
    return HOLDER.format("VerifyCveStep.DisplayName");
  }

  public static String VerifyAction_DisplayName() {
    return HOLDER.format("VerifyAction.DisplayName");
  }

  public static String VerifyTrendAction_DisplayName() {
    return HOLDER.format("VerifyTrendAction.DisplayName");
  }

  public static String PatchPipelinePage_DisplayName() {
    return HOLDER.format("PatchPipelinePage.DisplayName");
  }

  public static String Verify_Failed(Object problem) {
    return HOLDER.format("Verify.Failed", problem);
  }

  public static String Verify_NoRecord() {
    return HOLDER.format("Verify.NoRecord");
  }

  public static String Verify_Remaining(Object open) {
    return HOLDER.format("Verify.Remaining", open);
  }

  public static String Verify_Unstable(Object open) {
    return HOLDER.format("Verify.Unstable", open);
  }

  public static String Ledger_NotUpdated(Object problem) {
    return HOLDER.format("Ledger.NotUpdated", problem);
  }

  public static String Ledger_Invalid(Object problem) {
    return HOLDER.format("Ledger.Invalid", problem);
  }
}
