package io.patchpipeline.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so that it is set in one place: the Maven build. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = PatchPipelineCommand.class.getPackage().getImplementationVersion();
    return new String[] {"patch-pipeline " + (version == null ? "development build" : version)};
  }
}
