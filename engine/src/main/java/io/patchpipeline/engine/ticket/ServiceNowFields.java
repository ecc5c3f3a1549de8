package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.policy.Priority;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the configured ServiceNow field templates from a draft. A template is text with
 * placeholders: {@code {summary}}, {@code {description}}, {@code {unitId}}, {@code {dedupKey}},
 * {@code {package}}, {@code {fixedVersion}}, {@code {assetGroup}}, {@code {priority}}, {@code
 * {dueDate}} (yyyy-MM-dd), {@code {dueDateTime}} (yyyy-MM-dd HH:mm:ss, the Table API's format),
 * {@code {cves}} and {@code {assets}} (comma-separated).
 */
public final class ServiceNowFields {
  static final Set<String> PLACEHOLDERS =
      Set.of(
          "summary",
          "description",
          "unitId",
          "dedupKey",
          "package",
          "fixedVersion",
          "assetGroup",
          "priority",
          "dueDate",
          "dueDateTime",
          "cves",
          "assets");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private ServiceNowFields() {}

  /** Returns the default mapping for the incident table. */
  public static Map<String, String> defaults() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("short_description", "{summary}");
    fields.put("description", "{description}");
    fields.put("due_date", "{dueDateTime}");
    fields.put("category", "software");
    return fields;
  }

  /**
   * Returns impact and urgency per priority; with the default priority lookup of ServiceNow they
   * give priorities 1 Critical, 2 High, 3 Moderate and 4 Low.
   */
  public static Map<Priority, Map<String, String>> priorityDefaults() {
    Map<Priority, Map<String, String>> result = new EnumMap<>(Priority.class);
    result.put(Priority.P0, Map.of("impact", "1", "urgency", "1"));
    result.put(Priority.P1, Map.of("impact", "1", "urgency", "2"));
    result.put(Priority.P2, Map.of("impact", "2", "urgency", "2"));
    result.put(Priority.P3, Map.of("impact", "2", "urgency", "3"));
    return result;
  }

  /**
   * Checks that {@code template} uses only known placeholders.
   *
   * @throws IllegalArgumentException naming the unknown placeholder
   */
  public static void validate(String field, String template) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      if (!PLACEHOLDERS.contains(matcher.group(1))) {
        throw new IllegalArgumentException(
            "invalid placeholder {"
                + matcher.group(1)
                + "} in the template of field "
                + field
                + "; expected one of "
                + new java.util.TreeSet<>(PLACEHOLDERS));
      }
    }
  }

  /** Returns whether {@code template} has a placeholder, so it depends on a unit's draft. */
  static boolean hasPlaceholder(String template) {
    return PLACEHOLDER.matcher(template).find();
  }

  /** Returns {@code template} with every placeholder replaced by the draft's value. */
  static String fill(String template, TicketDraft draft, String description) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("summary", draft.summary());
    values.put("description", description);
    values.put("unitId", draft.unitId());
    values.put("dedupKey", draft.dedupKey());
    values.put("package", draft.packageName());
    values.put("fixedVersion", draft.fixedVersion());
    values.put("assetGroup", draft.assetGroup());
    values.put("priority", draft.priority().name());
    values.put("dueDate", draft.dueDate().toString());
    values.put(
        "dueDateTime",
        draft.dueDate().atStartOfDay().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
    values.put("cves", String.join(",", draft.cveIds()));
    values.put("assets", String.join(",", draft.assets()));
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.getOrDefault(matcher.group(1), matcher.group());
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
