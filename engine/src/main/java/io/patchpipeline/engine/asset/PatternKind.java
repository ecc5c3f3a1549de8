package io.patchpipeline.engine.asset;

import java.util.Locale;

/** The kinds of target pattern an inventory entry lists, each under a plural and singular key. */
enum PatternKind {
  HOSTNAME("hostnames", "hostname"),
  IP("ips", "ip"),
  CIDR("cidrs", "cidr"),
  IMAGE("images", "image"),
  NAMESPACE("namespaces", "namespace"),
  WORKLOAD("workloads", "workload"),
  GLOB("globs", "glob");

  private final String plural;
  private final String singular;

  PatternKind(String plural, String singular) {
    this.plural = plural;
    this.singular = singular;
  }

  /** Returns the kind whose key is {@code key} (plural or singular, any case), or null. */
  static PatternKind forKey(String key) {
    String lower = key.trim().toLowerCase(Locale.ROOT);
    for (PatternKind kind : values()) {
      if (kind.plural.equals(lower) || kind.singular.equals(lower)) {
        return kind;
      }
    }
    return null;
  }

  String key() {
    return plural;
  }

  String singular() {
    return singular;
  }
}
