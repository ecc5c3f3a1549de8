package io.patchpipeline.engine.evidence;

import java.util.List;

/**
 * The result of checking a bundle.
 *
 * @param signed whether the bundle carries a signature
 * @param signatureVerified whether a key was given and the signature matched it
 * @param problems what was found wrong, one sentence each; empty when the bundle is intact
 */
public record BundleCheck(boolean signed, boolean signatureVerified, List<String> problems) {
  public BundleCheck {
    problems = List.copyOf(problems);
  }

  /** Returns whether no file was changed, added or removed and any checked signature matched. */
  public boolean valid() {
    return problems.isEmpty();
  }
}
