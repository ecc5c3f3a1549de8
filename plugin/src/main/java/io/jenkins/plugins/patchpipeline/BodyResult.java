package io.jenkins.plugins.patchpipeline;

import java.io.Serializable;

/**
 * How one run of the {@code canaryDeploy} body ended, kept with the program until the rollout has
 * taken it in. It is matched to the wave by name and action, so an outcome is never applied to
 * another wave after a restart.
 *
 * @param detail why the body failed, without its message, which may carry a secret
 */
record BodyResult(String wave, boolean rollback, boolean passed, String detail)
    implements Serializable {
  static BodyResult passed(WaveBlock block) {
    return new BodyResult(block.wave(), block.rollback(), true, "");
  }

  static BodyResult failed(WaveBlock block, Throwable cause) {
    return new BodyResult(
        block.wave(),
        block.rollback(),
        false,
        "the block failed with " + cause.getClass().getSimpleName() + "; see the build log");
  }

  boolean matches(String waveName, boolean rollbackRun) {
    return wave.equals(waveName) && rollback == rollbackRun;
  }
}
