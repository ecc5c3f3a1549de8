package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpService;
import java.time.Clock;

/** Creates the client of a configured ticket system. */
public final class TicketClients {
  private TicketClients() {}

  public static TicketClient create(
      TicketSystemConfig config, Credentials credentials, Clock clock) {
    return switch (config.type()) {
      case FILE -> new FileTicketStore(config, clock);
      case JIRA_CLOUD -> new JiraCloudClient(config, new HttpService(config.http(), credentials));
      case JIRA_DATA_CENTER ->
          new JiraDataCenterClient(config, new HttpService(config.http(), credentials));
      case SERVICENOW -> new ServiceNowClient(config, new HttpService(config.http(), credentials));
    };
  }
}
