package io.patchpipeline.engine.asset;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** One way an inventory entry names its targets; see {@link MatchRank} for their precedence. */
sealed interface TargetPattern {
  /** Returns the score of the match with {@code target} ({@link MatchRank#score}), or 0. */
  int score(TargetView target);

  /** Returns the kind and value, such as {@code hostname web-1}, for messages. */
  String describe();

  /**
   * Parses one pattern of {@code kind}.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code value} and what was expected
   */
  static TargetPattern parse(PatternKind kind, String value) {
    String text = value.trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException(
          "empty " + kind.singular() + "; expected a value or no " + kind.key() + " field");
    }
    return switch (kind) {
      case HOSTNAME -> Hostname.parse(text);
      case IP -> Ip.parse(text);
      case CIDR -> new Block(text, Cidr.parse(text));
      case IMAGE -> new Image(ImageRef.parse(text));
      case NAMESPACE -> Namespace.parse(text);
      case WORKLOAD -> Workload.parse(text);
      case GLOB -> Glob.parse(text);
    };
  }

  /** A hostname, fully qualified or short; a short name also matches its qualified forms. */
  record Hostname(String name) implements TargetPattern {
    static Hostname parse(String text) {
      if (text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '*')) {
        throw new IllegalArgumentException(
            "hostname '"
                + text
                + "' is invalid; expected a name such as web-1.example.com"
                + " (use globs for wildcards)");
      }
      return new Hostname(TargetView.hostName(text));
    }

    @Override
    public int score(TargetView target) {
      String host = target.hostname();
      if (host.isEmpty()) {
        return 0;
      }
      if (host.equals(name)) {
        return MatchRank.EXACT_HOST.score(0);
      }
      boolean shortMatch =
          name.indexOf('.') < 0 ? host.startsWith(name + ".") : name.startsWith(host + ".");
      boolean oneIsShort = name.indexOf('.') < 0 || host.indexOf('.') < 0;
      return shortMatch && oneIsShort ? MatchRank.SHORT_HOSTNAME.score(0) : 0;
    }

    @Override
    public String describe() {
      return "hostname " + name;
    }
  }

  /** One IP address. */
  record Ip(String text, byte[] address) implements TargetPattern {
    static Ip parse(String text) {
      byte[] address = IpAddresses.parse(text);
      if (address == null) {
        throw new IllegalArgumentException(
            "IP address '"
                + text
                + "' is invalid; expected an address such as 10.0.0.5 or"
                + " 2001:db8::5");
      }
      return new Ip(text, address);
    }

    @Override
    public int score(TargetView target) {
      return Arrays.equals(address, target.ip()) ? MatchRank.EXACT_HOST.score(0) : 0;
    }

    @Override
    public String describe() {
      return "IP address " + text;
    }
  }

  /** An IPv4 or IPv6 block; a longer prefix is a more specific match. */
  record Block(String text, Cidr cidr) implements TargetPattern {
    @Override
    public int score(TargetView target) {
      return cidr.contains(target.ip()) ? MatchRank.CIDR.score(cidr.prefixLength()) : 0;
    }

    @Override
    public String describe() {
      return "CIDR " + text;
    }
  }

  /** An image, pinned by tag or digest, or a repository that matches every tag. */
  record Image(ImageRef reference) implements TargetPattern {
    @Override
    public int score(TargetView target) {
      ImageRef image = target.image();
      if (image == null) {
        return 0;
      }
      if (reference.isPinned()) {
        // A digest names the exact image content, so it outranks a tag.
        int detail = reference.digest().isEmpty() ? 0 : 1;
        return reference.sameImage(image) ? MatchRank.IMAGE_TAG.score(detail) : 0;
      }
      return reference.repository().equals(image.repository())
          ? MatchRank.IMAGE_REPOSITORY.score(0)
          : 0;
    }

    @Override
    public String describe() {
      return "image " + reference;
    }
  }

  /** A Kubernetes namespace. */
  record Namespace(String name) implements TargetPattern {
    static Namespace parse(String text) {
      if (text.indexOf('/') >= 0) {
        throw new IllegalArgumentException(
            "namespace '"
                + text
                + "' contains '/'; expected a namespace name such as shop,"
                + " or list namespace/Kind/name under workloads");
      }
      return new Namespace(text.toLowerCase(Locale.ROOT));
    }

    @Override
    public int score(TargetView target) {
      return name.equals(target.namespace()) ? MatchRank.NAMESPACE.score(0) : 0;
    }

    @Override
    public String describe() {
      return "namespace " + name;
    }
  }

  /** A Kubernetes workload, {@code namespace/Kind/name}. */
  record Workload(String name) implements TargetPattern {
    static Workload parse(String text) {
      String[] parts = text.split("/", -1);
      if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
        throw new IllegalArgumentException(
            "workload '"
                + text
                + "' is malformed; expected namespace/Kind/name such as"
                + " shop/Deployment/web");
      }
      return new Workload(text.toLowerCase(Locale.ROOT));
    }

    @Override
    public int score(TargetView target) {
      return name.equals(target.workload()) ? MatchRank.WORKLOAD.score(0) : 0;
    }

    @Override
    public String describe() {
      return "workload " + name;
    }
  }

  /**
   * A case-insensitive glob: {@code *} matches any run of characters except {@code /}, {@code **}
   * any run including {@code /}, and {@code ?} one character except {@code /}.
   */
  record Glob(String text, Pattern regex) implements TargetPattern {
    static Glob parse(String text) {
      StringBuilder regex = new StringBuilder();
      StringBuilder literal = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c != '*' && c != '?') {
          literal.append(c);
          continue;
        }
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        if (c == '?') {
          regex.append("[^/]");
        } else if (i + 1 < text.length() && text.charAt(i + 1) == '*') {
          regex.append(".*");
          i++;
        } else {
          regex.append("[^/]*");
        }
      }
      if (literal.length() > 0) {
        regex.append(Pattern.quote(literal.toString()));
      }
      return new Glob(text, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE));
    }

    @Override
    public int score(TargetView target) {
      for (String candidate : target.globTexts()) {
        if (regex.matcher(candidate).matches()) {
          return MatchRank.GLOB.score(0);
        }
      }
      return 0;
    }

    @Override
    public String describe() {
      return "glob " + text;
    }
  }
}
