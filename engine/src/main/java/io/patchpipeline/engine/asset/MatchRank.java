package io.patchpipeline.engine.asset;

/**
 * How specifically an inventory pattern matched a target, most specific first. When several entries
 * match one target, the entry with the most specific match wins. Among CIDR matches, the longest
 * prefix wins. Remaining ties go to the entry that comes first in the file.
 */
enum MatchRank {
  /** The full hostname (case-insensitive) or the IP address is equal. */
  EXACT_HOST,
  /** A short hostname equals the first label of a fully qualified one. */
  SHORT_HOSTNAME,
  /** The Kubernetes workload {@code namespace/Kind/name} is equal. */
  WORKLOAD,
  /** The image repository and its tag or digest are equal; a digest match outranks a tag. */
  IMAGE_TAG,
  /** The image repository is equal; the pattern names no tag or digest. */
  IMAGE_REPOSITORY,
  /** The IP address lies in the CIDR block. */
  CIDR,
  /** The Kubernetes namespace is equal. */
  NAMESPACE,
  /** A glob matches the target's name, hostname, IP address or image. */
  GLOB;

  /** Bits below the rank that order matches within a rank (the CIDR prefix length, up to 128). */
  private static final int DETAIL_BITS = 8;

  /** Returns a score that orders matches: higher is more specific. */
  int score(int detail) {
    return (values().length - ordinal()) << DETAIL_BITS | detail;
  }
}
