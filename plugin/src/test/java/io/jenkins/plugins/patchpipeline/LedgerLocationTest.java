package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.util.Secret;
import io.patchpipeline.engine.ledger.LedgerOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LedgerLocationTest {
  private static final Path ROOT = Path.of("/var/lib/jenkins");
  private static final String PASSWORD = "Lg7-distinctive-ledger-password";

  @Test
  void defaultIsH2UnderTheJenkinsRoot() throws Exception {
    LedgerOptions options = LedgerLocation.resolve(" ", null, ROOT, id -> null);

    assertThat(options.jdbcUrl())
        .isEqualTo("jdbc:h2:file:" + ROOT.resolve("patch-pipeline/ledger").toAbsolutePath());
  }

  @Test
  void postgresTakesUserAndPasswordFromTheCredential() throws Exception {
    LedgerOptions options =
        LedgerLocation.resolve(
            "jdbc:postgresql://db:5432/ledger", "ledger-db", ROOT, id -> credential());

    assertThat(options.user()).isEqualTo("ledger");
    assertThat(options.password()).isEqualTo(PASSWORD);
    assertThat(options.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void missingCredentialNamesTheId() {
    assertThatThrownBy(
            () -> LedgerLocation.resolve("jdbc:postgresql://db/ledger", "gone", ROOT, id -> null))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("'gone'")
        .hasMessageContaining("Username with password");
  }

  @Test
  void unsupportedUrlIsRejectedWithoutItsPassword() {
    assertThatThrownBy(
            () ->
                LedgerLocation.resolve(
                    "jdbc:mysql://db/ledger?password=" + PASSWORD, null, ROOT, id -> null))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("jdbc:postgresql")
        .hasMessageNotContaining(PASSWORD);
  }

  private static StandardUsernamePasswordCredentials credential() {
    return new StandardUsernamePasswordCredentials() {
      @Override
      public String getId() {
        return "ledger-db";
      }

      @Override
      public String getDescription() {
        return "ledger database";
      }

      @Override
      public String getUsername() {
        return "ledger";
      }

      @Override
      public Secret getPassword() {
        return Secret.fromString(PASSWORD);
      }
    };
  }
}
