package io.patchpipeline.engine.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.Message;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The remediation record of one run: every input with its hash, the findings with their threat data
 * and decisions, and the remediation units. Later stages (tickets, triage, deploy, verify) add
 * their sections under {@link #stages} by name, each in its own schema, so that this type does not
 * depend on them.
 *
 * @param schemaVersion the record format version; see docs/record-schema.md
 * @param policy the name and SHA-256 of the policy file, or {@code built-in default}
 */
public record PatchRecord(
    int schemaVersion,
    String runId,
    Instant createdAt,
    List<InputFile> inputs,
    IntelInfo intel,
    InputFile policy,
    List<UnitFinding> findings,
    List<Exclusion> excluded,
    List<RemediationUnit> units,
    List<String> unknownAssets,
    List<Message> messages,
    Map<String, JsonNode> stages) {

  /** The schema version this engine writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  public PatchRecord {
    inputs = List.copyOf(inputs);
    findings = List.copyOf(findings);
    excluded = List.copyOf(excluded);
    units = List.copyOf(units);
    unknownAssets = List.copyOf(unknownAssets);
    messages = List.copyOf(messages);
    stages =
        stages == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stages));
  }

  /**
   * Returns a copy with the section {@code name} set to {@code section}, replacing an older one.
   */
  public PatchRecord withStage(String name, JsonNode section) {
    Map<String, JsonNode> copy = new LinkedHashMap<>(stages);
    copy.put(name, section);
    return new PatchRecord(
        schemaVersion,
        runId,
        createdAt,
        inputs,
        intel,
        policy,
        findings,
        excluded,
        units,
        unknownAssets,
        messages,
        copy);
  }

  public Optional<JsonNode> stage(String name) {
    return Optional.ofNullable(stages.get(name));
  }

  public Optional<RemediationUnit> unit(String id) {
    return units.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  public Optional<UnitFinding> finding(String id) {
    return findings.stream().filter(f -> f.id().equals(id)).findFirst();
  }
}
