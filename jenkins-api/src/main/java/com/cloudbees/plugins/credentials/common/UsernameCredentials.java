// Mirrors org.jenkins-ci.plugins:credentials:1511.v2e3cb_0008ef0; compile-only.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

public interface UsernameCredentials extends Credentials {
  String getUsername();
}
