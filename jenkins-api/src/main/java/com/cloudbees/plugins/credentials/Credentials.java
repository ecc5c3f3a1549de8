// Mirrors org.jenkins-ci.plugins:credentials:1511.v2e3cb_0008ef0; compile-only.
package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/**
 * The real type declares {@code getScope()} and {@code getDescriptor()}; plugin code uses neither.
 */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {}
