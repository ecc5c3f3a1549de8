// Mirrors org.jenkins-ci.plugins:plain-credentials:199.v9f8e1f741799; compile-only.
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import java.io.IOException;
import java.io.InputStream;

/** A secret file. The real type also has a nested {@code NameProvider} class. */
public interface FileCredentials extends StandardCredentials {
  String getFileName();

  InputStream getContent() throws IOException;
}
