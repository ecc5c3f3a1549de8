package io.jenkins.plugins.patchpipeline;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import io.patchpipeline.engine.ledger.LedgerOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * The location of the controller's SLA ledger: an embedded H2 file under the Jenkins root folder by
 * default, or the PostgreSQL database of a configured JDBC URL, with the user and password of a
 * Username with password credential. The credential is read as the system, because the ledger is
 * the controller's, not a build's.
 */
final class LedgerLocation {
  /** The H2 file of the default ledger, relative to the Jenkins root folder, without extension. */
  static final String H2_FILE = "patch-pipeline/ledger";

  /** The credentials store's system-wide lookup; a seam so that tests run without Jenkins. */
  @FunctionalInterface
  interface Finder {
    StandardUsernamePasswordCredentials find(String id);
  }

  static final Finder SYSTEM =
      id ->
          CredentialsProvider.lookupCredentialsInItemGroup(
                  StandardUsernamePasswordCredentials.class, null, null, List.of())
              .stream()
              .filter(credential -> id.equals(credential.getId()))
              .findFirst()
              .orElse(null);

  private LedgerLocation() {}

  /**
   * Returns the options of the ledger configured by {@code jdbcUrl} and {@code credentialsId}.
   *
   * @param jdbcUrl a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL, or empty for the default
   * @param credentialsId a Username with password credential, or empty when the URL needs none
   * @throws AbortException when the URL is not supported or the credential is not found
   */
  static LedgerOptions resolve(
      String jdbcUrl, String credentialsId, Path jenkinsRoot, Finder credentials)
      throws AbortException {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      return LedgerOptions.h2(jenkinsRoot.resolve(H2_FILE));
    }
    String user = "";
    String password = "";
    if (credentialsId != null && !credentialsId.isBlank()) {
      StandardUsernamePasswordCredentials credential = credentials.find(credentialsId.trim());
      if (credential == null) {
        throw new AbortException(
            Messages.Credentials_NotFound(
                credentialsId.trim(), "Username with password", "the SLA ledger"));
      }
      user = credential.getUsername();
      password = credential.getPassword().getPlainText();
    }
    try {
      return new LedgerOptions(jdbcUrl, user, password);
    } catch (IllegalArgumentException e) {
      throw new AbortException(Messages.Ledger_Invalid(e.getMessage()));
    }
  }
}
