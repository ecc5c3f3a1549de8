// Mirrors org.jenkins-ci.plugins:credentials:1511.v2e3cb_0008ef0; compile-only.
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {}
