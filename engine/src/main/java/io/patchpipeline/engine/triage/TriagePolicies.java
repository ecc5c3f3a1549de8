package io.patchpipeline.engine.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.policy.Policy;
import io.patchpipeline.engine.policy.PolicyLoader;
import io.patchpipeline.engine.policy.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates the {@code triage:} section of a loaded {@link Policy} over its triage
 * preset. Every rule is compiled here, so that a syntax error or an unknown variable fails the
 * load.
 */
public final class TriagePolicies {
  public static final String DEFAULT = "default";
  public static final String BOD_22_01 = "bod-22-01";
  public static final String BOD_26_04 = "bod-26-04";
  private static final String KEV_DUE = "kev";

  private TriagePolicies() {}

  public static List<String> presets() {
    return List.of(DEFAULT, BOD_22_01, BOD_26_04);
  }

  /**
   * Returns the triage policy of {@code policy}. Without a {@code triage.preset}, the preset named
   * like the policy's preset is used when there is one, else {@code default}.
   *
   * @throws InputException naming the policy file and the field or rule that is invalid
   */
  public static TriagePolicy of(Policy policy) {
    String source = policy.source();
    TriageFile file = read(policy.triage(), source, "triage");
    String presetName = file.preset() != null ? file.preset() : implicitPreset(policy.preset());
    TriageFile preset = preset(presetName, source);
    List<TriageRule> rules = file.rules() != null ? file.rules() : preset.rules();
    String rulesSource = file.rules() != null ? source : "built-in triage preset " + presetName;
    return new TriagePolicy(
        policy.name(),
        file.rules() != null ? "custom" : presetName,
        file.approvers() != null ? file.approvers() : preset.approvers(),
        selfApproval(
            file.selfApproval() != null ? file.selfApproval() : preset.selfApproval(), source),
        compile(rules, rulesSource),
        source,
        policy.sha256());
  }

  /** Returns the rules of a built-in preset, for documentation and tests. */
  public static TriagePolicy preset(String name) {
    TriageFile preset = preset(name, "built-in");
    return new TriagePolicy(
        name,
        name,
        preset.approvers(),
        selfApproval(preset.selfApproval(), "built-in"),
        compile(preset.rules(), "built-in triage preset " + name),
        "built-in",
        "");
  }

  private static String implicitPreset(String policyPreset) {
    return presets().contains(policyPreset) ? policyPreset : DEFAULT;
  }

  private static TriageFile preset(String name, String source) {
    if (!presets().contains(name)) {
      throw new InputException(
          source,
          "triage.preset",
          "unknown triage preset '" + name + "'; expected one of " + presets());
    }
    String resource = "presets/" + name + ".yaml";
    try (InputStream in = TriagePolicies.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The triage preset " + resource + " is missing");
      }
      return read(Json.yaml().readTree(in), resource, "");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the triage preset " + resource, e);
    }
  }

  private static TriageFile read(JsonNode section, String source, String where) {
    if (section == null || section.isNull() || section.isMissingNode()) {
      return new TriageFile(null, null, null, null);
    }
    ObjectReader reader =
        Json.yaml()
            .readerFor(TriageFile.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      return reader.readValue(section);
    } catch (UnrecognizedPropertyException e) {
      throw new InputException(
          source,
          where,
          "unknown field '" + e.getPropertyName() + "'; expected one of " + e.getKnownPropertyIds(),
          e);
    } catch (IOException e) {
      String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : "";
      throw new InputException(source, where, "invalid triage section: " + message, e);
    }
  }

  private static Set<Priority> selfApproval(List<String> priorities, String source) {
    Set<Priority> result = EnumSet.noneOf(Priority.class);
    if (priorities != null) {
      for (String text : priorities) {
        try {
          result.add(Priority.parse(text));
        } catch (IllegalArgumentException e) {
          throw new InputException(source, "triage.selfApproval", e.getMessage(), e);
        }
      }
    }
    return result;
  }

  private static List<CompiledRule> compile(List<TriageRule> rules, String source) {
    List<CompiledRule> compiled = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      TriageRule rule = rules.get(i);
      if (rule == null || rule.id() == null || rule.id().isBlank()) {
        throw new InputException(
            source, "triage.rules[" + i + "]", "rule without id; expected id: <name>");
      }
      String where = "triage.rules[" + i + "] (" + rule.id() + ")";
      if (!ids.add(rule.id())) {
        throw new InputException(source, where, "duplicate rule id; expected unique ids");
      }
      compiled.add(compile(rule, source, where));
    }
    return compiled;
  }

  private static CompiledRule compile(TriageRule rule, String source, String where) {
    Outcome outcome;
    try {
      outcome = Outcome.parse(rule.outcome());
    } catch (IllegalArgumentException e) {
      throw new InputException(source, where + ".outcome", e.getMessage(), e);
    }
    Optional<Duration> review = duration(rule.review(), source, where + ".review");
    if (outcome == Outcome.DEFERRED && (blank(rule.reason()) || review.isEmpty())) {
      throw new InputException(
          source, where, "a defer rule needs a reason and a review delay, such as review: 30d");
    }
    boolean kevDue = KEV_DUE.equalsIgnoreCase(trim(rule.due()));
    Optional<Duration> due =
        kevDue ? Optional.empty() : duration(rule.due(), source, where + ".due");
    RuleCompiler.Compiled compiled = RuleCompiler.compile(rule.when(), source, where + ".when");
    return new CompiledRule(
        rule.id(),
        rule.when().trim(),
        outcome,
        trim(rule.approvers()),
        trim(rule.reason()),
        review,
        due,
        kevDue,
        compiled.reads(),
        compiled.program());
  }

  private static Optional<Duration> duration(String text, String source, String where) {
    return blank(text) ? Optional.empty() : Optional.of(PolicyLoader.duration(text, source, where));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String trim(String text) {
    return text == null ? "" : text.trim();
  }
}
