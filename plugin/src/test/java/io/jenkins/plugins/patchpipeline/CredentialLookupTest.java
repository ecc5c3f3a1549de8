package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialLookupTest {
  private static final String SECRET = "s3cr3t-api-token-value";

  @TempDir Path buildDir;

  private final List<String> lookups = new ArrayList<>();

  @Test
  void resolvesTheCredentialForTheBuild() throws Exception {
    TestRun run = new TestRun(buildDir);

    Secret secret = lookup(new Token("jira-token")).secretText(run, "jira-token", "ticket system");

    assertThat(secret.getPlainText()).isEqualTo(SECRET);
    assertThat(lookups).containsExactly("jira-token:StringCredentials");
  }

  @Test
  void missingCredentialNamesIdTypeAndPurpose() throws Exception {
    TestRun run = new TestRun(buildDir);

    assertThatThrownBy(
            () -> lookup(null).require(run, " jira-token ", StringCredentials.class, "'jira-prod'"))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("'jira-token'")
        .hasMessageContaining("StringCredentials")
        .hasMessageContaining("'jira-prod'");
  }

  @Test
  void blankIdFailsWithoutALookup() throws Exception {
    TestRun run = new TestRun(buildDir);

    assertThatThrownBy(() -> lookup(null).secretText(run, " ", "ticket system"))
        .isInstanceOf(AbortException.class);
    assertThat(lookups).isEmpty();
  }

  @Test
  void errorsNeverContainTheSecret() throws Exception {
    TestRun run = new TestRun(buildDir);
    CredentialLookup lookup = lookup(new Token("other-id"));

    assertThatThrownBy(() -> lookup.require(run, SECRET, StringCredentials.class, "ticket system"))
        .isInstanceOf(AbortException.class);
    try {
      lookup.require(run, "missing", StringCredentials.class, "ticket system");
    } catch (AbortException e) {
      assertThat(e.getMessage()).doesNotContain(SECRET);
    }
  }

  private CredentialLookup lookup(StringCredentials available) {
    return new CredentialLookup(
        new CredentialLookup.Finder() {
          @Override
          public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> run) {
            lookups.add(id + ":" + type.getSimpleName());
            return available != null && available.getId().equals(id) && type.isInstance(available)
                ? type.cast(available)
                : null;
          }
        });
  }

  /** A Secret text credential as the credentials store returns it. */
  private record Token(String id) implements StringCredentials {
    @Override
    public String getId() {
      return id;
    }

    @Override
    public String getDescription() {
      return "API token";
    }

    @Override
    public Secret getSecret() {
      return Secret.fromString(SECRET);
    }
  }
}
