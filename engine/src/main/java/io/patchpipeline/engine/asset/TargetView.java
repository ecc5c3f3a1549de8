package io.patchpipeline.engine.asset;

import io.patchpipeline.engine.report.Target;
import io.patchpipeline.engine.report.TargetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fields of a {@link Target} normalized once for matching: lower-case hostname without a
 * trailing dot, parsed IP address, parsed image reference, {@code namespace/kind/name} in lower
 * case, and the texts that globs are tried on.
 */
record TargetView(
    String hostname,
    byte[] ip,
    ImageRef image,
    String namespace,
    String workload,
    List<String> globTexts) {

  static TargetView of(Target target) {
    String host = target.hostname();
    if (host.isEmpty() && target.kind() == TargetKind.HOST) {
      host = target.name();
    }
    byte[] ip = IpAddresses.parse(target.ip());
    if (ip == null && IpAddresses.parse(host) != null) {
      ip = IpAddresses.parse(host);
    }
    String hostname = ip != null && IpAddresses.parse(host) != null ? "" : hostName(host);
    ImageRef image = target.image().isBlank() ? null : ImageRef.parse(target.image());
    String namespace = target.namespace().toLowerCase(Locale.ROOT);
    String workload =
        target.workload().isEmpty()
            ? ""
            : (namespace + "/" + target.workload()).toLowerCase(Locale.ROOT);
    List<String> globTexts = new ArrayList<>();
    for (String text : List.of(target.name(), target.hostname(), target.ip(), target.image())) {
      String lower = text.toLowerCase(Locale.ROOT);
      if (!lower.isEmpty() && !globTexts.contains(lower)) {
        globTexts.add(lower);
      }
    }
    return new TargetView(hostname, ip, image, namespace, workload, List.copyOf(globTexts));
  }

  /** Returns a hostname in lower case without a trailing dot, the form patterns compare with. */
  static String hostName(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
