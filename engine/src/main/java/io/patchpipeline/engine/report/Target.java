package io.patchpipeline.engine.report;

import java.util.Objects;

/**
 * Where a finding was seen. Absent fields are empty strings; {@code name} is always set and is what
 * a person reads (image reference, host name or IP, {@code namespace/kind/name}, file path).
 */
public record Target(
    TargetKind kind,
    String name,
    String hostname,
    String ip,
    String namespace,
    String workload,
    String image) {

  public Target {
    kind = Objects.requireNonNullElse(kind, TargetKind.UNKNOWN);
    name = Objects.requireNonNullElse(name, "");
    hostname = Objects.requireNonNullElse(hostname, "");
    ip = Objects.requireNonNullElse(ip, "");
    namespace = Objects.requireNonNullElse(namespace, "");
    workload = Objects.requireNonNullElse(workload, "");
    image = Objects.requireNonNullElse(image, "");
  }

  public static Target image(String reference) {
    return new Target(TargetKind.IMAGE, reference, "", "", "", "", reference);
  }

  /** A host seen by a network or host scanner; either name may be empty, not both. */
  public static Target host(String hostname, String ip) {
    String display = hostname == null || hostname.isEmpty() ? ip : hostname;
    return new Target(TargetKind.HOST, display, hostname, ip, "", "", "");
  }

  /**
   * A Kubernetes workload, named {@code namespace/kind/name} (kind as in {@code Deployment}), with
   * the image of the container the finding is in, or empty.
   */
  public static Target workload(String namespace, String kindAndName, String image) {
    String ns = Objects.requireNonNullElse(namespace, "");
    return new Target(
        TargetKind.KUBERNETES_WORKLOAD, ns + "/" + kindAndName, "", "", ns, kindAndName, image);
  }

  public static Target file(String path) {
    return new Target(TargetKind.FILE, path, "", "", "", "", "");
  }

  public static Target repository(String name) {
    return new Target(TargetKind.REPOSITORY, name, "", "", "", "", "");
  }

  public static Target unknown(String name) {
    return new Target(TargetKind.UNKNOWN, name, "", "", "", "", "");
  }
}
