package io.patchpipeline.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.InputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed access to the keys of a YAML plan section, with errors that name the file and the JSON
 * pointer of the bad value. Deployers read their own section through it too.
 */
public final class PlanNodes {
  private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("([0-9]{1,9})(%?)");

  private final String file;
  private final String path;
  private final JsonNode node;

  public PlanNodes(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  public String file() {
    return file;
  }

  public boolean has(String key) {
    return node != null && node.hasNonNull(key);
  }

  /** Returns the section {@code key}, which may be missing. */
  public PlanNodes section(String key) {
    return new PlanNodes(file, path + "/" + key, node == null ? null : node.get(key));
  }

  public boolean exists() {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  public JsonNode node() {
    return node;
  }

  public String pointer(String key) {
    return path + "/" + key;
  }

  public String requiredText(String key) {
    return text(key).orElseThrow(() -> error(key, "missing; expected a text value"));
  }

  public Optional<String> text(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode value = node.get(key);
    if (!value.isValueNode()) {
      throw error(key, "expected a text value");
    }
    return Optional.of(value.asText());
  }

  public String text(String key, String fallback) {
    return text(key).orElse(fallback);
  }

  public int integer(String key, int fallback, int min, int max) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
      throw error(key, "expected a whole number from " + min + " to " + max);
    }
    return value.asInt();
  }

  public Optional<Double> number(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode value = node.get(key);
    if (!value.isNumber()) {
      throw error(key, "expected a number");
    }
    return Optional.of(value.asDouble());
  }

  public boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isBoolean()) {
      throw error(key, "expected true or false");
    }
    return value.asBoolean();
  }

  /** Reads a list of texts; a single text counts as a list of one. */
  public List<String> texts(String key) {
    List<String> values = new ArrayList<>();
    if (!has(key)) {
      return values;
    }
    JsonNode value = node.get(key);
    if (value.isValueNode()) {
      values.add(value.asText());
      return values;
    }
    if (!value.isArray()) {
      throw error(key, "expected a list of texts");
    }
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isValueNode()) {
        throw new InputException(file, pointer(key) + "/" + i, "expected a text value");
      }
      values.add(value.get(i).asText());
    }
    return values;
  }

  /** Reads a duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
  public Duration duration(String key, Duration fallback) {
    if (!has(key)) {
      return fallback;
    }
    String text = node.get(key).asText().trim().toLowerCase(Locale.ROOT);
    Matcher matcher = DURATION.matcher(text);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw error(key, "invalid duration '" + text + "'; expected 500ms, 30s, 5m, 2h, 1d or PT5M");
    }
  }

  /**
   * Formats {@code duration} in the plan's notation, such as {@code 15m} or {@code 1h30m}, so that
   * messages show holds as a plan author writes them.
   */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    if (duration.toMillisPart() != 0 || duration.isNegative()) {
      return duration.toMillis() + "ms";
    }
    StringBuilder text = new StringBuilder();
    if (duration.toDays() > 0) {
      text.append(duration.toDays()).append('d');
    }
    if (duration.toHoursPart() > 0) {
      text.append(duration.toHoursPart()).append('h');
    }
    if (duration.toMinutesPart() > 0) {
      text.append(duration.toMinutesPart()).append('m');
    }
    if (duration.toSecondsPart() > 0) {
      text.append(duration.toSecondsPart()).append('s');
    }
    return text.toString();
  }

  /** Reads a host count ({@code 3}) or percentage ({@code 25%}). */
  public WaveSize size(JsonNode value, String pointer) {
    Matcher matcher = SIZE.matcher(value.asText().trim());
    if (!value.isValueNode() || !matcher.matches()) {
      throw new InputException(
          file, pointer, "invalid size '" + value.asText() + "'; expected a count or a percentage");
    }
    int amount = Integer.parseInt(matcher.group(1));
    boolean percent = !matcher.group(2).isEmpty();
    if (percent && amount > 100) {
      throw new InputException(file, pointer, "percentage above 100%: " + value.asText());
    }
    return new WaveSize(amount, percent);
  }

  /** Reads an enum constant by its lower-case name. */
  public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
    if (!has(key)) {
      return fallback;
    }
    String text = node.get(key).asText().trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name().toLowerCase(Locale.ROOT));
    }
    throw error(key, "invalid value '" + node.get(key).asText() + "'; expected one of " + names);
  }

  /**
   * Rejects a key of this section that is not in {@code known}, so that a misspelt key such as
   * {@code cveGat} is an error instead of a safety feature silently left off.
   */
  public void requireKnownKeys(java.util.Collection<String> known) {
    if (node == null || !node.isObject()) {
      return;
    }
    for (String key : (Iterable<String>) node::fieldNames) {
      if (!known.contains(key)) {
        throw error(
            key, "unknown key '" + key + "'; expected one of " + new java.util.TreeSet<>(known));
      }
    }
  }

  public InputException error(String key, String problem) {
    return new InputException(file, pointer(key), problem);
  }
}
