package io.jenkins.plugins.patchpipeline;

import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.patchpipeline.engine.policy.Priority;
import java.util.Locale;

/**
 * The form checks behind the {@code doCheck*} and {@code doFill*} methods, free of permission
 * checks and request types so that they can be tested without Jenkins. Checks read only the value;
 * they never touch files or networks.
 */
final class FormChecks {
  private FormChecks() {}

  /**
   * Requires at least one glob and warns about paths that leave the workspace: they work, but the
   * files are then read from wherever the agent runs.
   */
  static FormValidation workspaceGlobs(String value) {
    if (DetectSettings.globs(value).isEmpty()) {
      return FormValidation.error(Messages.Validation_Required());
    }
    for (String glob : DetectSettings.globs(value)) {
      if (leavesWorkspace(glob)) {
        return FormValidation.warning(Messages.Validation_AbsolutePath());
      }
    }
    return FormValidation.ok();
  }

  /** Accepts an empty value or a path inside the workspace, and warns about other paths. */
  static FormValidation optionalWorkspacePath(String value) {
    if (isBlank(value) || !leavesWorkspace(value.trim())) {
      return FormValidation.ok();
    }
    return FormValidation.warning(Messages.Validation_AbsolutePath());
  }

  /**
   * Accepts an empty value or a file path for a KEV or EPSS feed, warns about an http(s) URL, which
   * the engine does not fetch yet, and rejects other URLs.
   */
  static FormValidation optionalSource(String value) {
    if (isBlank(value)) {
      return FormValidation.ok();
    }
    String text = value.trim();
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.contains("://")) {
      return FormValidation.ok();
    }
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      return FormValidation.warning(Messages.Validation_SourceUrl());
    }
    return FormValidation.error(Messages.Validation_Source(text));
  }

  /** Accepts an empty value or {@code P0} to {@code P3}. */
  static FormValidation optionalPriority(String value) {
    if (isBlank(value)) {
      return FormValidation.ok();
    }
    try {
      Priority.parse(value);
      return FormValidation.ok();
    } catch (IllegalArgumentException e) {
      return FormValidation.error(Messages.Validation_Priority(value.trim()));
    }
  }

  /** Returns the choices of {@code failOnPriority}: never, then P0 to P3. */
  static ListBoxModel priorityChoices() {
    ListBoxModel choices = new ListBoxModel();
    choices.add("-", "");
    for (Priority priority : Priority.values()) {
      choices.add(priority.name(), priority.name());
    }
    return choices;
  }

  /** Returns whether {@code path} is absolute or climbs out of the workspace with {@code ..}. */
  static boolean leavesWorkspace(String path) {
    String normalized = path.replace('\\', '/');
    if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")) {
      return true;
    }
    for (String part : normalized.split("/")) {
      if (part.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
