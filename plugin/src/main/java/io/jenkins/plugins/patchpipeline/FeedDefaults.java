package io.jenkins.plugins.patchpipeline;

import java.io.Serializable;

/**
 * A snapshot of the global configuration's detect defaults, taken when a step starts so that the
 * execution neither reads the configuration from another thread nor needs Jenkins in tests.
 */
public record FeedDefaults(
    String kev, String epss, String feedCache, boolean download, String policy, String inventory)
    implements Serializable {

  /** No defaults: the engine's built-in policy, unknown KEV and EPSS, no inventory. */
  public static final FeedDefaults NONE = new FeedDefaults(null, null, null, false, null, null);
}
