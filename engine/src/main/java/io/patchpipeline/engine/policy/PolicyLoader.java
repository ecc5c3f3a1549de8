package io.patchpipeline.engine.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.NullNode;
import io.patchpipeline.engine.asset.Criticality;
import io.patchpipeline.engine.asset.Exposure;
import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.core.JsonProblems;
import io.patchpipeline.engine.core.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads a policy YAML file over its preset and rejects anything it does not understand. */
public final class PolicyLoader {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*([mhdw])");
  private static final Condition EMPTY_CONDITION =
      new Condition(null, null, null, null, null, null, null, null, null);

  /** The longest SLA accepted: ten years. */
  private static final Duration MAX_DURATION = Duration.ofDays(3653);

  private PolicyLoader() {}

  /**
   * Loads the policy file {@code name} from {@code baseDir}, or the preset of that name when no
   * such file exists, so that every command accepts the same preset names.
   */
  public static Policy resolve(Path baseDir, String name) throws IOException {
    Path file = baseDir.resolve(name);
    Optional<Policy> preset = Presets.byName(name);
    if (!Files.exists(file) && preset.isPresent()) {
      return preset.get();
    }
    return load(file);
  }

  public static Policy load(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(
          file.toString(),
          "",
          "policy file not found; expected a YAML file or a preset name: " + Presets.names(),
          e);
    }
    return parse(bytes, file.toString());
  }

  /** Parses policy YAML; {@code name} is used in messages and as the policy's source. */
  public static Policy parse(byte[] yaml, String name) throws IOException {
    ObjectReader reader =
        Json.yaml()
            .readerFor(PolicyFile.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    PolicyFile file;
    try {
      file = reader.readValue(yaml);
    } catch (UnrecognizedPropertyException e) {
      throw new InputException(
          name,
          position(e),
          "unknown field '" + fieldPath(e) + "'; expected one of " + e.getKnownPropertyIds());
    } catch (InvalidFormatException e) {
      throw new InputException(
          name,
          position(e),
          "invalid value '"
              + e.getValue()
              + "' for "
              + fieldPath(e)
              + "; expected "
              + expected(e.getTargetType()));
    } catch (MismatchedInputException e) {
      String problem =
          e.getPath().size() <= 0 || e.getTargetType() == PolicyFile.class
              ? "the file is not a YAML mapping of policy fields"
              : "invalid value for " + fieldPath(e) + "; expected " + expected(e.getTargetType());
      throw new InputException(name, position(e), problem, e);
    } catch (JsonProcessingException e) {
      throw new InputException(name, position(e), JsonProblems.problem(e, null), e);
    }
    if (file == null) {
      throw new InputException(name, "line 1", "the policy file is empty; expected a YAML mapping");
    }
    return merge(file, name, Hashing.sha256(yaml));
  }

  private static Policy merge(PolicyFile file, String source, String sha256) {
    String presetName = file.preset() == null ? Presets.DEFAULT : file.preset();
    Policy base =
        Presets.byName(presetName)
            .orElseThrow(
                () ->
                    new InputException(
                        source,
                        "preset",
                        "unknown preset '" + presetName + "'; expected one of " + Presets.names()));
    List<PriorityRule> rules = file.priorities() == null ? base.priorities() : file.priorities();
    validateRules(rules, source);
    TicketRule ticket =
        file.ticket() == null ? base.ticket() : ticket(file.ticket(), base.ticket(), source);
    return new Policy(
        file.name() == null ? presetName : file.name(),
        presetName,
        file.kevDueDates() == null ? base.kevDueDates() : file.kevDueDates(),
        ticket,
        rules,
        file.defaultPriority() == null ? base.defaultPriority() : file.defaultPriority(),
        sla(file.sla(), base.sla(), source),
        overlay(base.ticketPriorities(), file.ticketPriorities()),
        file.triage() == null ? NullNode.getInstance() : file.triage(),
        source,
        sha256);
  }

  private static void validateRules(List<PriorityRule> rules, String source) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      PriorityRule rule = rules.get(i);
      String where = "priorities[" + i + "]";
      if (rule.id() == null || rule.id().isBlank()) {
        throw new InputException(source, where, "rule without id; expected id: <name>");
      }
      where = "priorities[" + i + "] (" + rule.id() + ")";
      if (!ids.add(rule.id())) {
        throw new InputException(source, where, "duplicate rule id; expected unique ids");
      }
      if (rule.priority() == null) {
        throw new InputException(source, where, "missing priority; expected P0, P1, P2 or P3");
      }
      if (rule.when() == null) {
        throw new InputException(source, where, "missing 'when'; expected at least one condition");
      }
      if (rule.when().equals(EMPTY_CONDITION)) {
        throw new InputException(
            source, where + ".when", "no condition given; expected at least one condition");
      }
      validateCondition(rule.when(), source, where);
    }
  }

  private static void validateCondition(Condition when, String source, String where) {
    try {
      if (when.epssAtLeast() != null && (when.epssAtLeast() < 0 || when.epssAtLeast() > 1)) {
        throw new IllegalArgumentException(
            "epssAtLeast " + when.epssAtLeast() + " is out of range; expected 0.0 to 1.0");
      }
      if (when.cvssAtLeast() != null && (when.cvssAtLeast() < 0 || when.cvssAtLeast() > 10)) {
        throw new IllegalArgumentException(
            "cvssAtLeast " + when.cvssAtLeast() + " is out of range; expected 0.0 to 10.0");
      }
      if (when.severityAtLeast() != null
          && Severity.parse(when.severityAtLeast()) == Severity.UNKNOWN) {
        throw new IllegalArgumentException(
            "unknown severity '"
                + when.severityAtLeast()
                + "'; expected critical, high, medium or low");
      }
      if (when.criticality() != null) {
        when.criticality().forEach(Criticality::parse);
      }
      if (when.exposure() != null) {
        when.exposure().forEach(Exposure::parse);
      }
    } catch (IllegalArgumentException e) {
      throw new InputException(source, where + ".when", e.getMessage(), e);
    }
  }

  private static TicketRule ticket(PolicyFile.TicketFile file, TicketRule base, String source) {
    TicketRule merged =
        new TicketRule(
            file.kev() == null ? base.kev() : file.kev(),
            file.epssAbove() == null ? base.epssAbove() : file.epssAbove(),
            file.cvssAbove() == null ? base.cvssAbove() : file.cvssAbove(),
            file.cvssCriticality() == null ? base.cvssCriticality() : file.cvssCriticality());
    if (merged.epssAbove() < 0 || merged.epssAbove() > 1) {
      throw new InputException(
          source,
          "ticket.epssAbove",
          "value " + merged.epssAbove() + " is out of range; expected 0.0 to 1.0");
    }
    if (merged.cvssAbove() < 0 || merged.cvssAbove() > 10) {
      throw new InputException(
          source,
          "ticket.cvssAbove",
          "value " + merged.cvssAbove() + " is out of range; expected 0.0 to 10.0");
    }
    try {
      merged.cvssCriticality().forEach(Criticality::parse);
    } catch (IllegalArgumentException e) {
      throw new InputException(source, "ticket.cvssCriticality", e.getMessage(), e);
    }
    return merged;
  }

  private static Sla sla(PolicyFile.SlaFile file, Sla base, String source) {
    if (file == null) {
      return base;
    }
    return new Sla(
        durations(base.remediate(), file.remediate(), source, "sla.remediate"),
        durations(base.triage(), file.triage(), source, "sla.triage"));
  }

  private static Map<Priority, Duration> durations(
      Map<Priority, Duration> base, Map<Priority, String> written, String source, String where) {
    Map<Priority, Duration> result = new EnumMap<>(base);
    if (written != null) {
      written.forEach(
          (priority, text) -> result.put(priority, duration(text, source, where + "." + priority)));
    }
    return result;
  }

  /** Parses {@code 2h}, {@code 30d}, {@code 45m}, {@code 2w} or ISO-8601 {@code PT2H}. */
  public static Duration duration(String text, String source, String where) {
    String trimmed = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    Duration duration = null;
    Matcher short_ = SHORT_DURATION.matcher(trimmed);
    if (short_.matches()) {
      long amount = Long.parseLong(short_.group(1));
      duration =
          switch (short_.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
          };
    } else {
      try {
        duration = Duration.parse(trimmed.toUpperCase(java.util.Locale.ROOT));
      } catch (java.time.DateTimeException | ArithmeticException e) {
        duration = null;
      }
    }
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new InputException(
          source, where, "invalid duration '" + text + "'; expected 45m, 2h, 30d, 2w or PT2H");
    }
    if (duration.compareTo(MAX_DURATION) > 0) {
      throw new InputException(
          source,
          where,
          "duration '" + text + "' is longer than ten years; expected a shorter SLA");
    }
    return duration;
  }

  private static Map<Priority, String> overlay(
      Map<Priority, String> base, Map<Priority, String> over) {
    Map<Priority, String> result = new EnumMap<>(base);
    if (over != null) {
      result.putAll(over);
    }
    return result;
  }

  /** Returns the YAML path of the failing value, such as {@code priorities[2].priority}. */
  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the top level" : path.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type == Priority.class) {
      return "P0, P1, P2 or P3";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (java.util.List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == String.class) {
      return "text";
    }
    return "a mapping of its fields";
  }

  private static String position(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
