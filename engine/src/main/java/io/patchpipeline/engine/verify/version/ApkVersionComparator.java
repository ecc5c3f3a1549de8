package io.patchpipeline.engine.verify.version;

import java.util.List;
import java.util.Objects;

/**
 * Alpine apk versions such as {@code 1.2.3a_rc1_p2-r4}, ordered as apk-tools 2.x orders them
 * ({@code src/version.c}): numbers compare numerically (a later number with leading zeros compares
 * as a fraction, so {@code 1.01 < 1.1}), a letter follows the numbers, suffixes {@code _alpha <
 * _beta < _pre < _rc <} no suffix {@code < _cvs < _svn < _git < _hg < _p}, and {@code -rN} is the
 * package revision. When the common tokens are equal, the longer version is newer unless what
 * follows is a pre-release suffix.
 */
public final class ApkVersionComparator implements VersionComparator {
  static final ApkVersionComparator INSTANCE = new ApkVersionComparator();

  private static final List<String> PRE_SUFFIXES = List.of("alpha", "beta", "pre", "rc");
  private static final List<String> POST_SUFFIXES = List.of("cvs", "svn", "git", "hg", "p");

  private ApkVersionComparator() {}

  @Override
  public String ecosystem() {
    return "alpine";
  }

  @Override
  public int compare(String left, String right) {
    Tokenizer a = new Tokenizer(stripHash(Objects.requireNonNull(left, "version").trim()));
    Tokenizer b = new Tokenizer(stripHash(Objects.requireNonNull(right, "version").trim()));
    long av = 0;
    long bv = 0;
    while (a.type == b.type && a.type != Type.END && a.type != Type.INVALID && av == bv) {
      av = a.next();
      bv = b.next();
    }
    if (av != bv) {
      return av < bv ? -1 : 1;
    }
    if (a.type == b.type) {
      return 0;
    }
    if (a.type == Type.SUFFIX && a.peekSuffix() < 0) {
      return -1;
    }
    if (b.type == Type.SUFFIX && b.peekSuffix() < 0) {
      return 1;
    }
    return a.type.ordinal() > b.type.ordinal() ? -1 : 1;
  }

  /** Drops a {@code ~commit} hash, which apk-tools 2 does not order by. */
  private static String stripHash(String version) {
    int tilde = version.indexOf('~');
    return tilde >= 0 ? version.substring(0, tilde) : version;
  }

  /** Token kinds in apk-tools' order; a later kind means an earlier end of the version. */
  private enum Type {
    INVALID,
    DIGIT_OR_ZERO,
    DIGIT,
    LETTER,
    SUFFIX,
    SUFFIX_NO,
    REVISION_NO,
    END
  }

  /** Reads one token at a time; {@link #type} is the kind of the token that comes next. */
  private static final class Tokenizer {
    private final String text;
    private int pos;
    Type type = Type.DIGIT;

    Tokenizer(String text) {
      this.text = text;
      if (text.isEmpty()) {
        type = Type.END;
      }
    }

    /** Reads the next token and returns its value; the value orders tokens of one kind. */
    long next() {
      if (pos >= text.length()) {
        type = Type.END;
        return 0;
      }
      Type following = Type.INVALID;
      long value = 0;
      switch (type) {
        case DIGIT_OR_ZERO:
          if (text.charAt(pos) == '0') {
            int zeros = 0;
            while (pos < text.length() && text.charAt(pos) == '0') {
              pos++;
              zeros++;
            }
            // NOTE: apk-tools 2 continues with a digit token even when no digit follows, which
            // orders 1.0_alpha after 1.0; only a following digit continues the number here.
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
              following = Type.DIGIT;
            }
            value = -zeros;
            break;
          }
          value = readNumber();
          break;
        case DIGIT, SUFFIX_NO, REVISION_NO:
          value = readNumber();
          break;
        case LETTER:
          value = text.charAt(pos++);
          break;
        case SUFFIX:
          value = readSuffix();
          if (type == Type.INVALID) {
            return -1;
          }
          break;
        default:
          type = Type.INVALID;
          return -1;
      }
      if (pos >= text.length()) {
        type = Type.END;
      } else if (following != Type.INVALID) {
        type = following;
      } else {
        advanceType();
      }
      return value;
    }

    /** Returns the value of the suffix that comes next without consuming it. */
    long peekSuffix() {
      int saved = pos;
      Type savedType = type;
      long value = readSuffix();
      pos = saved;
      type = savedType;
      return value;
    }

    private long readNumber() {
      long value = 0;
      while (pos < text.length()
          && Character.isDigit(text.charAt(pos))
          && value < Long.MAX_VALUE / 20) {
        value = value * 10 + (text.charAt(pos++) - '0');
      }
      return value;
    }

    private long readSuffix() {
      for (int i = 0; i < PRE_SUFFIXES.size(); i++) {
        if (text.startsWith(PRE_SUFFIXES.get(i), pos)) {
          pos += PRE_SUFFIXES.get(i).length();
          return i - (long) PRE_SUFFIXES.size();
        }
      }
      for (int i = 0; i < POST_SUFFIXES.size(); i++) {
        if (text.startsWith(POST_SUFFIXES.get(i), pos)) {
          pos += POST_SUFFIXES.get(i).length();
          return i;
        }
      }
      type = Type.INVALID;
      return -1;
    }

    private void advanceType() {
      char c = text.charAt(pos);
      Type n;
      if ((type == Type.DIGIT || type == Type.DIGIT_OR_ZERO) && c >= 'a' && c <= 'z') {
        n = Type.LETTER;
      } else if (type == Type.LETTER && Character.isDigit(c)) {
        n = Type.DIGIT;
      } else if (type == Type.SUFFIX && Character.isDigit(c)) {
        n = Type.SUFFIX_NO;
      } else {
        n = separatorType(c);
        pos++;
      }
      if (n.ordinal() < type.ordinal() && !isAllowedStepBack(n, type)) {
        n = Type.INVALID;
      }
      type = n;
    }

    private Type separatorType(char c) {
      if (c == '.') {
        return Type.DIGIT_OR_ZERO;
      }
      if (c == '_') {
        return Type.SUFFIX;
      }
      if (c == '-' && pos + 1 < text.length() && text.charAt(pos + 1) == 'r') {
        pos++;
        return Type.REVISION_NO;
      }
      return Type.INVALID;
    }

    private static boolean isAllowedStepBack(Type next, Type current) {
      return (next == Type.DIGIT_OR_ZERO && current == Type.DIGIT)
          || (next == Type.SUFFIX && current == Type.SUFFIX_NO)
          || (next == Type.DIGIT && current == Type.LETTER);
    }
  }
}
