package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

class PatchPipelineConfigurationTest {
  private final PatchPipelineConfiguration config = new PatchPipelineConfiguration();

  @Test
  void defaultsReachSteps() {
    config.setKevSource(" /srv/feeds/kev.json ");
    config.setEpssSource("/srv/feeds/epss.csv.gz");
    config.setFeedCacheFolder("/var/cache/patch-pipeline");
    config.setDownloadFeeds(true);
    config.setDefaultPolicy("bod-22-01");
    config.setDefaultInventory("assets.yaml");

    assertThat(config.feedDefaults())
        .isEqualTo(
            new FeedDefaults(
                "/srv/feeds/kev.json",
                "/srv/feeds/epss.csv.gz",
                "/var/cache/patch-pipeline",
                true,
                "bod-22-01",
                "assets.yaml"));
  }

  @Test
  void blankValuesAreUnset() {
    config.setKevSource("   ");
    config.setDefaultPolicy("");

    assertThat(config.getKevSource()).isNull();
    assertThat(config.getDefaultPolicy()).isNull();
  }

  @Test
  void ticketSystemsAreFoundByName() {
    TicketSystem jira = new NamedTicketSystem("jira-prod");
    config.setTicketSystems(List.of(new NamedTicketSystem("servicenow"), jira));

    assertThat(config.ticketSystem("jira-prod")).isSameAs(jira);
    assertThat(config.ticketSystem("missing")).isNull();
    assertThat(config.getTicketSystems()).hasSize(2);
  }

  @Test
  void nullTicketSystemListIsEmpty() {
    config.setTicketSystems(null);

    assertThat(config.getTicketSystems()).isEmpty();
  }

  @Test
  void propertiesHaveDataBoundSetters() throws Exception {
    for (Method getter : PatchPipelineConfiguration.class.getDeclaredMethods()) {
      String name = getter.getName();
      boolean property =
          (name.startsWith("get") || name.startsWith("is"))
              && getter.getParameterCount() == 0
              && !name.equals("getDisplayName");
      int modifiers = getter.getModifiers();
      if (property && Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers)) {
        String suffix = name.substring(name.startsWith("get") ? 3 : 2);
        Method setter = findSetter("set" + suffix);
        assertThat(setter).as("setter of " + suffix).isNotNull();
        assertThat(setter.isAnnotationPresent(DataBoundSetter.class)).as(setter.getName()).isTrue();
      }
    }
  }

  @Test
  void displayNameIsTheManageJenkinsEntry() {
    assertThat(config.getDisplayName()).isEqualTo("Patch Pipeline");
  }

  private static Method findSetter(String name) {
    for (Method method : PatchPipelineConfiguration.class.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == 1) {
        return method;
      }
    }
    return null;
  }

  /** A ticket system with only a name, standing in for the real kinds. */
  private static final class NamedTicketSystem extends TicketSystem {
    private final String name;

    NamedTicketSystem(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }
  }
}
