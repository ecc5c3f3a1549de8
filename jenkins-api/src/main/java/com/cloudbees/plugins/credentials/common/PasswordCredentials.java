// Mirrors org.jenkins-ci.plugins:credentials:1511.v2e3cb_0008ef0; compile-only.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

public interface PasswordCredentials extends Credentials {
  Secret getPassword();
}
