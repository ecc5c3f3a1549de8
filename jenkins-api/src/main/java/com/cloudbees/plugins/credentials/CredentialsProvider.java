// Mirrors org.jenkins-ci.plugins:credentials:1511.v2e3cb_0008ef0; compile-only.
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.ItemGroup;
import hudson.model.Run;
import java.util.List;
import org.jenkins.ui.icon.IconSpec;
import org.springframework.security.core.Authentication;

public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
    implements ExtensionPoint, Describable<CredentialsProvider>, IconSpec {
  private CredentialsProvider() {}

  public static <C extends IdCredentials> C findCredentialById(
      String id, Class<C> type, Run<?, ?> run, List<DomainRequirement> domainRequirements) {
    throw new UnsupportedOperationException();
  }

  @SuppressWarnings("rawtypes")
  public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(
      Class<C> type,
      ItemGroup itemGroup,
      Authentication authentication,
      List<DomainRequirement> domainRequirements) {
    throw new UnsupportedOperationException();
  }

  @SuppressWarnings("rawtypes")
  public static <C extends Credentials> C track(Run build, C credentials) {
    throw new UnsupportedOperationException();
  }
}
