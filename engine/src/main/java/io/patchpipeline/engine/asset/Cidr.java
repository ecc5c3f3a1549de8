package io.patchpipeline.engine.asset;

/** An IPv4 or IPv6 address block such as {@code 10.1.0.0/16} or {@code 2001:db8::/32}. */
record Cidr(byte[] network, int prefixLength) {
  /**
   * Parses {@code address/prefix}.
   *
   * @throws IllegalArgumentException naming what is wrong and what was expected
   */
  static Cidr parse(String text) {
    int slash = text.indexOf('/');
    byte[] network = slash < 0 ? null : IpAddresses.parse(text.substring(0, slash));
    int prefix = slash < 0 ? -1 : prefixLength(text.substring(slash + 1));
    if (network == null || prefix < 0 || prefix > network.length * 8) {
      throw new IllegalArgumentException(
          "CIDR '"
              + text
              + "' is malformed; expected address/prefix such as 10.1.0.0/16 or 2001:db8::/32");
    }
    for (int bit = prefix; bit < network.length * 8; bit++) {
      if ((network[bit / 8] & (0x80 >> (bit % 8))) != 0) {
        throw new IllegalArgumentException(
            "CIDR '"
                + text
                + "' has bits set after the /"
                + prefix
                + " prefix; expected the block's first address, such as "
                + IpAddresses.format(mask(network, prefix))
                + "/"
                + prefix);
      }
    }
    return new Cidr(network, prefix);
  }

  boolean contains(byte[] address) {
    if (address == null || address.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefixLength; bit++) {
      int mask = 0x80 >> (bit % 8);
      if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static int prefixLength(String text) {
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(text);
  }

  /** Returns {@code address} with every bit after the first {@code prefix} bits cleared. */
  static byte[] mask(byte[] address, int prefix) {
    byte[] copy = address.clone();
    for (int bit = prefix; bit < copy.length * 8; bit++) {
      copy[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
    }
    return copy;
  }
}
