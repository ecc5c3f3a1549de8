package io.patchpipeline.engine.verify.version;

/** A version string that its ecosystem's grammar rejects. */
public class InvalidVersionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String version;
  private final String ecosystem;

  public InvalidVersionException(String ecosystem, String version, String expected) {
    super("Invalid " + ecosystem + " version '" + version + "': expected " + expected);
    this.version = version;
    this.ecosystem = ecosystem;
  }

  public String getVersion() {
    return version;
  }

  public String getEcosystem() {
    return ecosystem;
  }
}
