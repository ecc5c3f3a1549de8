package io.patchpipeline.engine.asset;

import java.util.Locale;

/**
 * A container image reference split into its normalized repository, tag and digest, following
 * Docker's defaults: no registry means {@code docker.io}, and a single-component name on Docker Hub
 * is under {@code library/}. So {@code nginx}, {@code library/nginx}, {@code docker.io/nginx} and
 * {@code index.docker.io/library/nginx} all have the repository {@code docker.io/library/nginx}.
 *
 * @param tag the tag, or empty when the reference names none
 * @param digest the digest such as {@code sha256:...}, or empty
 */
record ImageRef(String repository, String tag, String digest) {
  private static final String DOCKER_HUB = "docker.io";

  static ImageRef parse(String reference) {
    String rest = reference.trim();
    String digest = "";
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1).toLowerCase(Locale.ROOT);
      rest = rest.substring(0, at);
    }
    String tag = "";
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    return new ImageRef(normalize(rest.toLowerCase(Locale.ROOT)), tag, digest);
  }

  /** Returns whether the reference names a tag or a digest, not only a repository. */
  boolean isPinned() {
    return !tag.isEmpty() || !digest.isEmpty();
  }

  /**
   * Returns whether {@code target} is the same pinned image: same repository, and same digest when
   * this reference has one, else the same tag, where a target without tag or digest means {@code
   * latest}.
   */
  boolean sameImage(ImageRef target) {
    if (!repository.equals(target.repository)) {
      return false;
    }
    if (!digest.isEmpty()) {
      return digest.equals(target.digest);
    }
    String targetTag = target.tag.isEmpty() && target.digest.isEmpty() ? "latest" : target.tag;
    return tag.equals(targetTag);
  }

  @Override
  public String toString() {
    return repository + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
  }

  private static String normalize(String name) {
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    boolean hasRegistry =
        first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost");
    String registry = hasRegistry ? first : DOCKER_HUB;
    String path = hasRegistry ? name.substring(slash + 1) : name;
    if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && path.indexOf('/') < 0) {
      path = "library/" + path;
    }
    return registry + "/" + path;
  }
}
