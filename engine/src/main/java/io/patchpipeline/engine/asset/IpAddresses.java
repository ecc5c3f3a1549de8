package io.patchpipeline.engine.asset;

import java.util.Arrays;
import java.util.Locale;

/**
 * Parsing of IPv4 and IPv6 address literals without name resolution, because {@link
 * java.net.InetAddress#getByName} would look up any text that is not a literal in DNS. An
 * IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) is returned as its IPv4 address.
 */
final class IpAddresses {
  private static final int IPV4_BYTES = 4;
  private static final int IPV6_BYTES = 16;
  private static final int IPV6_GROUPS = 8;

  private IpAddresses() {}

  /** Returns the address bytes of {@code text}, or null when it is not an IP address literal. */
  static byte[] parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String literal = text.trim();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    return literal.indexOf(':') >= 0 ? parseIpv6(literal) : parseIpv4(literal);
  }

  private static byte[] parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != IPV4_BYTES) {
      return null;
    }
    byte[] bytes = new byte[IPV4_BYTES];
    for (int i = 0; i < IPV4_BYTES; i++) {
      int value = decimal(parts[i]);
      if (value < 0 || value > 255) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  private static byte[] parseIpv6(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int gap = lower.indexOf("::");
    if (gap >= 0 && lower.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = groups(gap >= 0 ? lower.substring(0, gap) : lower);
    int[] tail = gap >= 0 ? groups(lower.substring(gap + 2)) : new int[0];
    if (head == null || tail == null) {
      return null;
    }
    int count = head.length + tail.length;
    if (gap < 0 ? count != IPV6_GROUPS : count >= IPV6_GROUPS) {
      return null;
    }
    int[] all = new int[IPV6_GROUPS];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, IPV6_GROUPS - tail.length, tail.length);
    byte[] bytes = new byte[IPV6_BYTES];
    for (int i = 0; i < IPV6_GROUPS; i++) {
      bytes[2 * i] = (byte) (all[i] >> 8);
      bytes[2 * i + 1] = (byte) all[i];
    }
    return unmapIpv4(bytes);
  }

  /** Parses colon-separated hex groups; a final dotted IPv4 part counts as two groups. */
  private static int[] groups(String text) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String[] parts = text.split(":", -1);
    boolean ipv4Tail = parts[parts.length - 1].indexOf('.') >= 0;
    int[] groups = new int[parts.length + (ipv4Tail ? 1 : 0)];
    for (int i = 0; i < parts.length; i++) {
      if (i == parts.length - 1 && ipv4Tail) {
        byte[] v4 = parseIpv4(parts[i]);
        if (v4 == null) {
          return null;
        }
        groups[i] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
        groups[i + 1] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
      } else {
        groups[i] = hex(parts[i]);
        if (groups[i] < 0) {
          return null;
        }
      }
    }
    return groups;
  }

  private static byte[] unmapIpv4(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return bytes;
      }
    }
    if (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
      return Arrays.copyOfRange(bytes, 12, IPV6_BYTES);
    }
    return bytes;
  }

  private static int decimal(String text) {
    if (text.isEmpty() || text.length() > 3) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int hex(String text) {
    if (text.isEmpty() || text.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  /** Formats an address: dotted IPv4, or IPv6 with the longest run of zero groups as {@code ::}. */
  static String format(byte[] address) {
    if (address.length == IPV4_BYTES) {
      return (address[0] & 0xff)
          + "."
          + (address[1] & 0xff)
          + "."
          + (address[2] & 0xff)
          + "."
          + (address[3] & 0xff);
    }
    int[] groups = new int[IPV6_GROUPS];
    for (int i = 0; i < IPV6_GROUPS; i++) {
      groups[i] = (address[2 * i] & 0xff) << 8 | (address[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < IPV6_GROUPS; i++) {
      int length = 0;
      while (i + length < IPV6_GROUPS && groups[i + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = i;
        bestLength = length;
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < IPV6_GROUPS; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}
