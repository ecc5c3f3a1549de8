package io.patchpipeline.engine.policy;

import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in policies. {@code default} follows common practice: a ticket for KEV, EPSS above 0.4,
 * or CVSS above 9.0 on a critical asset; SLA P0 2 hours, P1 30 days (triage in 24 hours), P2 90
 * days, P3 180 days. {@code bod-22-01} adds the KEV due dates of CISA Binding Operational Directive
 * 22-01.
 */
public final class Presets {
  public static final String DEFAULT = "default";
  public static final String BOD_22_01 = "bod-22-01";

  private Presets() {}

  public static List<String> names() {
    return List.of(DEFAULT, BOD_22_01);
  }

  /** Returns the preset named {@code name}, or empty for an unknown name. */
  public static java.util.Optional<Policy> byName(String name) {
    return switch (name) {
      case DEFAULT -> java.util.Optional.of(defaultPolicy());
      case BOD_22_01 -> java.util.Optional.of(bod2201());
      default -> java.util.Optional.empty();
    };
  }

  public static Policy defaultPolicy() {
    return new Policy(
        DEFAULT,
        DEFAULT,
        false,
        new TicketRule(true, 0.4, 9.0, List.of("critical")),
        defaultRules(),
        Priority.P3,
        new Sla(
            durations(
                Duration.ofHours(2),
                Duration.ofDays(30),
                Duration.ofDays(90),
                Duration.ofDays(180)),
            durations(
                Duration.ofHours(2),
                Duration.ofHours(24),
                Duration.ofDays(7),
                Duration.ofDays(30))),
        ticketPriorities(),
        NullNode.getInstance(),
        "built-in",
        "");
  }

  public static Policy bod2201() {
    Policy base = defaultPolicy();
    return new Policy(
        BOD_22_01,
        BOD_22_01,
        true,
        base.ticket(),
        base.priorities(),
        base.defaultPriority(),
        base.sla(),
        base.ticketPriorities(),
        base.triage(),
        "built-in",
        "");
  }

  /** The default priority rules, most urgent first. */
  static List<PriorityRule> defaultRules() {
    return List.of(
        rule("kev-on-critical-asset", Priority.P0, when().kev(true).criticality("critical")),
        rule("kev-internet-facing", Priority.P0, when().kev(true).exposure("internet")),
        rule("kev-ransomware", Priority.P0, when().kev(true).ransomware(true)),
        rule("kev-listed", Priority.P1, when().kev(true)),
        rule("epss-high-cvss-high", Priority.P1, when().epss(0.4).cvss(7.0)),
        rule(
            "cvss-critical-on-important-asset",
            Priority.P1,
            when().cvss(9.0).criticality("critical", "high")),
        rule("epss-elevated", Priority.P2, when().epss(0.1)),
        rule("cvss-high", Priority.P2, when().cvss(7.0)),
        rule("severity-high", Priority.P2, when().severity("high")),
        rule("unrated", Priority.P2, when().unrated(true)));
  }

  private static PriorityRule rule(String id, Priority priority, ConditionBuilder when) {
    return new PriorityRule(id, priority, when.build());
  }

  private static ConditionBuilder when() {
    return new ConditionBuilder();
  }

  private static Map<Priority, Duration> durations(Duration... perPriority) {
    Map<Priority, Duration> map = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      map.put(p, perPriority[p.ordinal()]);
    }
    return map;
  }

  static Map<Priority, String> ticketPriorities() {
    Map<Priority, String> map = new EnumMap<>(Priority.class);
    map.put(Priority.P0, "Critical");
    map.put(Priority.P1, "High");
    map.put(Priority.P2, "Medium");
    map.put(Priority.P3, "Low");
    return map;
  }

  /** Small builder so that the default rules read like the YAML they document. */
  private static final class ConditionBuilder {
    private Boolean kev;
    private Boolean ransomware;
    private Double epss;
    private Double cvss;
    private String severity;
    private List<String> criticality;
    private List<String> exposure;
    private Boolean unrated;

    ConditionBuilder kev(boolean value) {
      kev = value;
      return this;
    }

    ConditionBuilder ransomware(boolean value) {
      ransomware = value;
      return this;
    }

    ConditionBuilder epss(double value) {
      epss = value;
      return this;
    }

    ConditionBuilder cvss(double value) {
      cvss = value;
      return this;
    }

    ConditionBuilder severity(String value) {
      severity = value;
      return this;
    }

    ConditionBuilder criticality(String... values) {
      criticality = List.of(values);
      return this;
    }

    ConditionBuilder exposure(String... values) {
      exposure = List.of(values);
      return this;
    }

    ConditionBuilder unrated(boolean value) {
      unrated = value;
      return this;
    }

    Condition build() {
      return new Condition(
          kev, ransomware, epss, cvss, severity, criticality, exposure, null, unrated);
    }
  }
}
