package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpSettings;
import io.patchpipeline.engine.ticket.TicketSystemConfig;
import io.patchpipeline.engine.ticket.TicketSystemType;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfiguredTicketSystemTest {
  @ParameterizedTest
  @CsvSource({
    "jira-cloud, JIRA_CLOUD",
    "jira-datacenter, JIRA_DATA_CENTER",
    "servicenow, SERVICENOW",
    "' Jira-Cloud ', JIRA_CLOUD"
  })
  void mapsTheTypeDropDownToTheEngineType(String type, TicketSystemType expected) {
    ConfiguredTicketSystem system =
        new ConfiguredTicketSystem("sec", type, "https://tickets.example", "token");
    system.setProject("SEC");

    assertThat(system.toConfig(HttpSettings.defaults()).type()).isEqualTo(expected);
  }

  @Test
  void setFieldsOverrideTheEngineDefaults() {
    ConfiguredTicketSystem system =
        new ConfiguredTicketSystem(" vr ", "servicenow", " https://sn.example ", "sn-token");
    system.setTable("sn_vul_vulnerable_item");
    system.setResolvedState("3");
    system.setCloseCode("Fixed");
    system.setClosureByScan(true);
    system.setSearchBatchSize(20);
    system.setIssueType("Task");
    system.setCloseTransition("Resolve");

    TicketSystemConfig config = system.toConfig(HttpSettings.defaults());

    assertThat(config.name()).isEqualTo("vr");
    assertThat(config.url()).contains(URI.create("https://sn.example"));
    assertThat(config.table()).isEqualTo("sn_vul_vulnerable_item");
    assertThat(config.resolvedState()).isEqualTo("3");
    assertThat(config.closeCode()).isEqualTo("Fixed");
    assertThat(config.closureByScan()).isTrue();
    assertThat(config.searchBatchSize()).isEqualTo(20);
    assertThat(config.issueType()).isEqualTo("Task");
    assertThat(config.closeTransition()).isEqualTo("Resolve");
  }

  @Test
  void unsetFieldsKeepTheEngineDefaults() {
    ConfiguredTicketSystem system =
        new ConfiguredTicketSystem("sec", "jira-cloud", "https://x.atlassian.net", "token");
    system.setProject("SEC");
    system.setIssueType(" ");

    TicketSystemConfig config = system.toConfig(HttpSettings.defaults());
    TicketSystemConfig defaults =
        TicketSystemConfig.builder("sec", TicketSystemType.JIRA_CLOUD)
            .url(URI.create("https://x.atlassian.net"))
            .project("SEC")
            .build();

    assertThat(config).isEqualTo(defaults);
  }

  @Test
  void invalidTypeNamesTheChoices() {
    ConfiguredTicketSystem system =
        new ConfiguredTicketSystem("sec", "redmine", "https://x.example", "token");

    assertThatThrownBy(() -> system.toConfig(HttpSettings.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'redmine'")
        .hasMessageContaining("jira-cloud");
  }

  @Test
  void userSelectsBasicOtherwiseBearer() {
    ConfiguredTicketSystem system =
        new ConfiguredTicketSystem("sec", "jira-datacenter", "https://jira.example", "pat");

    assertThat(system.credentials("s3cret").scheme()).isEqualTo(Credentials.Scheme.BEARER);
    system.setUser("bot@example.com");
    Credentials basic = system.credentials("s3cret");
    assertThat(basic.scheme()).isEqualTo(Credentials.Scheme.BASIC);
    assertThat(basic.user()).isEqualTo("bot@example.com");
    assertThat(basic.toString()).doesNotContain("s3cret");
  }
}
