package io.patchpipeline.engine.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of ticket system Patch Pipeline writes to. */
public enum TicketSystemType {
  /** Jira Cloud, REST API v3 with Atlassian Document Format. */
  JIRA_CLOUD("jira-cloud"),
  /** Jira Data Center and Server, REST API v2 with wiki markup. */
  JIRA_DATA_CENTER("jira-datacenter"),
  /** ServiceNow Table API. */
  SERVICENOW("servicenow"),
  /** One JSON file per ticket in a folder; needs no server. */
  FILE("file");

  private final String id;

  TicketSystemType(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Reads the id used in configuration files, such as {@code jira-cloud}. */
  public static TicketSystemType parse(String text) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (TicketSystemType type : values()) {
      if (type.id.equals(wanted)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "invalid ticket system type '"
            + text
            + "'; expected one of "
            + Arrays.stream(values()).map(TicketSystemType::id).collect(Collectors.joining(", ")));
  }
}
