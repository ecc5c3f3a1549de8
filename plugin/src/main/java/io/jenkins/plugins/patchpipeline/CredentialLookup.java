package io.jenkins.plugins.patchpipeline;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Resolves credentials by id when a build runs, as the user who started it may use them, and
 * records the use on the credential ({@code track}). Error messages name the id, the expected type
 * and the purpose, never a secret value.
 */
public final class CredentialLookup {
  /** The credentials store's lookup; a seam so that tests run without Jenkins. */
  @FunctionalInterface
  interface Finder {
    <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> run);
  }

  private static final Finder STORE =
      new Finder() {
        @Override
        public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> run) {
          return CredentialsProvider.track(
              run, CredentialsProvider.findCredentialById(id, type, run, List.of()));
        }
      };

  private final Finder finder;

  CredentialLookup(Finder finder) {
    this.finder = finder;
  }

  /** Returns a lookup in the Jenkins credentials store. */
  public static CredentialLookup store() {
    return new CredentialLookup(STORE);
  }

  /**
   * Returns the credential {@code id} of {@code type} for use in {@code run}.
   *
   * @param purpose what the credential is for, as in {@code ticket system 'jira-prod'}; shown in
   *     the error
   * @throws AbortException when no such credential exists or the build may not use it
   */
  public <C extends IdCredentials> C require(
      Run<?, ?> run, String id, Class<C> type, String purpose) throws AbortException {
    if (id == null || id.isBlank()) {
      throw new AbortException(Messages.Credentials_NotFound("", type.getSimpleName(), purpose));
    }
    C credential = finder.find(id.trim(), type, run);
    if (credential == null) {
      throw new AbortException(
          Messages.Credentials_NotFound(id.trim(), type.getSimpleName(), purpose));
    }
    return credential;
  }

  /** Returns the secret of the Secret text credential {@code id}, for example an API token. */
  public Secret secretText(Run<?, ?> run, String id, String purpose) throws AbortException {
    return require(run, id, StringCredentials.class, purpose).getSecret();
  }
}
