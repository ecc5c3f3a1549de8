package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import hudson.util.Secret;
import io.patchpipeline.engine.http.HttpSettings;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

/**
 * The Test connection button against Jira Cloud servers on 127.0.0.1: one at the saved URL and one
 * that stands for any other URL, which must never receive the stored credential.
 */
class ConnectionCheckTest {
  private static final String USER = "bot@example.com";
  private static final String SECRET = "Kp4-distinctive-connection-token-9Qz";
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString((USER + ":" + SECRET).getBytes(StandardCharsets.UTF_8));

  private JiraCloudServer saved;
  private JiraCloudServer elsewhere;
  private final Map<String, TicketSystem> systems = new HashMap<>();
  private final Map<String, Secret> secrets = new HashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();
  private boolean administrator = true;

  @BeforeEach
  void startServers() throws Exception {
    saved = new JiraCloudServer(BASIC);
    elsewhere = new JiraCloudServer(BASIC);
    systems.put("jira-sec", jira("jira-sec", saved.url()));
    secrets.put("jira-token", Secret.fromString(SECRET));
  }

  @AfterEach
  void stopServers() {
    saved.close();
    elsewhere.close();
  }

  private ConnectionCheck check() {
    return new ConnectionCheck(
        () -> {
          if (!administrator) {
            throw new AccessDeniedException(
                "anonymous is missing the Overall/Administer permission");
          }
        },
        name -> {
          lookups.incrementAndGet();
          return systems.get(name);
        },
        id -> {
          lookups.incrementAndGet();
          return secrets.get(id);
        },
        HttpSettings::defaults);
  }

  private static ConfiguredTicketSystem jira(String name, String url) {
    ConfiguredTicketSystem system =
        new ConfiguredTicketSystem(name, "jira-cloud", url, "jira-token");
    system.setUser(USER);
    system.setProject("SEC");
    return system;
  }

  @Test
  void administratorTestsTheSavedSystem() {
    FormValidation result = check().test(" jira-sec ");

    assertThat(result.kind).isEqualTo(FormValidation.Kind.OK);
    assertThat(result.getMessage())
        .startsWith("Tested the saved configuration.")
        .contains(saved.url())
        .contains("Patch Bot")
        .contains("SEC (Security)");
    assertThat(saved.requests())
        .containsExactly("GET /rest/api/3/myself", "GET /rest/api/3/project/SEC");
  }

  @Test
  void userWithoutAdministerIsRejectedBeforeAnyLookup() {
    administrator = false;

    assertThatThrownBy(() -> check().test("jira-sec")).isInstanceOf(AccessDeniedException.class);
    assertThat(lookups.get()).isZero();
    assertThat(saved.requests()).isEmpty();
  }

  @Test
  void unsavedNameIsRejected() {
    FormValidation result = check().test("jira-new");

    assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(result.getMessage())
        .contains("No saved ticket system is named 'jira-new'")
        .contains("Save the configuration first");
    assertThat(saved.requests()).isEmpty();
    assertThat(elsewhere.requests()).isEmpty();
  }

  @Test
  void blankNameIsRejected() {
    FormValidation result = check().test("  ");

    assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(result.getMessage()).contains("Enter the name of the ticket system");
  }

  @Test
  void credentialGoesOnlyToTheSavedUrl() {
    check().test("jira-sec");

    assertThat(saved.authorizations()).isNotEmpty().containsOnly(BASIC);
    assertThat(elsewhere.requests()).isEmpty();
  }

  @Test
  void requestCarriesOnlyTheName() throws Exception {
    Method endpoint =
        ConfiguredTicketSystem.DescriptorImpl.class.getMethod("doTestConnection", String.class);

    assertThat(endpoint.isAnnotationPresent(POST.class)).isTrue();
    assertThat(endpoint.getParameters()).hasSize(1);
    Parameter name = endpoint.getParameters()[0];
    assertThat(name.getName()).isEqualTo("name");
    assertThat(name.isAnnotationPresent(QueryParameter.class)).isTrue();
  }

  @Test
  void rejectedTokenReportsStatusNotSecret() {
    secrets.put("jira-token", Secret.fromString("wrong-" + SECRET));

    FormValidation result = check().test("jira-sec");

    assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(result.getMessage())
        .contains("connection test of the saved configuration failed")
        .contains("HTTP 401")
        .contains("Unauthorized")
        .contains("Check the user and token")
        .doesNotContain(SECRET);
  }

  @Test
  void unknownProjectNamesTheServerError() {
    ConfiguredTicketSystem system = jira("jira-sec", saved.url());
    system.setProject("NOPE");
    systems.put("jira-sec", system);

    FormValidation result = check().test("jira-sec");

    assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(result.getMessage())
        .contains("HTTP 404")
        .contains("No project could be found")
        .doesNotContain(SECRET);
  }

  @Test
  void missingCredentialNamesTheId() {
    secrets.clear();

    FormValidation result = check().test("jira-sec");

    assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(result.getMessage()).contains("jira-token");
    assertThat(saved.requests()).isEmpty();
  }

  @Test
  void invalidSavedConfigurationNamesTheProblem() {
    ConfiguredTicketSystem system = jira("jira-sec", saved.url());
    system.setProject(null);
    systems.put("jira-sec", system);

    FormValidation result = check().test("jira-sec");

    assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(result.getMessage()).contains("'jira-sec'").contains("project");
    assertThat(saved.requests()).isEmpty();
  }
}
