package io.patchpipeline.engine.verify.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python package versions ordered by PEP 440, as the {@code packaging} library orders them: epoch,
 * release (trailing zeros ignored), pre-release ({@code a < b < rc}; {@code alpha}, {@code beta},
 * {@code c}, {@code pre} and {@code preview} are spellings of those), post-release, development
 * release, and the local version label, which makes a version newer than the same without one.
 */
public final class Pep440Comparator implements VersionComparator {
  static final Pep440Comparator INSTANCE = new Pep440Comparator();

  /** The grammar of PEP 440's appendix, which also accepts the normalizable spellings. */
  private static final Pattern GRAMMAR =
      Pattern.compile(
          "v?(?:(?<epoch>\\d++)!)?(?<release>\\d++(?:\\.\\d++)*+)"
              + "(?:[-_.]?(?<pre>alpha|beta|preview|pre|rc|a|b|c)[-_.]?(?<preN>\\d++)?)?"
              + "(?:-(?<postImplicit>\\d++)|[-_.]?(?<post>post|rev|r)[-_.]?(?<postN>\\d++)?)?"
              + "(?:[-_.]?(?<dev>dev)[-_.]?(?<devN>\\d++)?)?"
              + "(?:\\+(?<local>[a-z0-9]++(?:[-_.][a-z0-9]++)*+))?");

  private Pep440Comparator() {}

  @Override
  public String ecosystem() {
    return "pypi";
  }

  @Override
  public int compare(String left, String right) {
    return Key.of(left).compareWith(Key.of(right));
  }

  /**
   * The sort key of one version. A missing pre, post or dev part is encoded so that it sorts where
   * PEP 440 puts it: no pre-release after all pre-releases (but a bare dev release before them), no
   * post-release before all post-releases, no dev release after all dev releases.
   */
  private record Key(
      BigInteger epoch,
      List<BigInteger> release,
      int preRank,
      BigInteger pre,
      BigInteger post,
      BigInteger dev,
      List<String> local) {

    private static final BigInteger NONE = BigInteger.valueOf(-1);

    static Key of(String version) {
      String text = version == null ? "" : version.trim().toLowerCase(Locale.ROOT);
      Matcher m = GRAMMAR.matcher(text);
      if (!m.matches()) {
        throw new InvalidVersionException(
            "pypi", text, "a PEP 440 version such as 1.2.3, 2!1.0, 1.0rc1, 1.0.post2 or 1.0.dev3");
      }
      BigInteger epoch = number(m.group("epoch"));
      List<BigInteger> release = trimZeros(m.group("release"));
      String postNumber =
          m.group("postImplicit") != null ? m.group("postImplicit") : m.group("postN");
      boolean hasPost = m.group("postImplicit") != null || m.group("post") != null;
      boolean hasDev = m.group("dev") != null;
      int preRank = preRank(m.group("pre"), hasPost, hasDev);
      BigInteger pre = number(m.group("preN"));
      BigInteger post = hasPost ? number(postNumber) : NONE;
      // A missing dev part sorts after every dev release: null stands for that.
      BigInteger dev = hasDev ? number(m.group("devN")) : null;
      String label = m.group("local");
      List<String> local = label == null ? List.of() : List.of(label.split("[-_.]"));
      return new Key(epoch, release, preRank, pre, post, dev, local);
    }

    /** Ranks the pre-release letter: bare dev release 0, a 1, b 2, rc 3, none 4. */
    private static int preRank(String letter, boolean hasPost, boolean hasDev) {
      if (letter == null) {
        return !hasPost && hasDev ? 0 : 4;
      }
      return switch (letter) {
        case "a", "alpha" -> 1;
        case "b", "beta" -> 2;
        default -> 3;
      };
    }

    private static BigInteger number(String digits) {
      return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    private static List<BigInteger> trimZeros(String release) {
      List<BigInteger> parts = new ArrayList<>();
      for (String part : release.split("\\.")) {
        parts.add(new BigInteger(part));
      }
      while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
        parts.remove(parts.size() - 1);
      }
      return parts;
    }

    int compareWith(Key other) {
      int result = epoch.compareTo(other.epoch);
      if (result == 0) {
        result = compareRelease(release, other.release);
      }
      if (result == 0) {
        result = Integer.compare(preRank, other.preRank);
      }
      if (result == 0) {
        result = pre.compareTo(other.pre);
      }
      if (result == 0) {
        result = post.compareTo(other.post);
      }
      if (result == 0) {
        result = compareDev(dev, other.dev);
      }
      return Integer.signum(result == 0 ? compareLocal(local, other.local) : result);
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
        BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
        int result = x.compareTo(y);
        if (result != 0) {
          return result;
        }
      }
      return 0;
    }

    private static int compareDev(BigInteger a, BigInteger b) {
      if (a == null || b == null) {
        if (a != null) {
          return -1;
        }
        return b == null ? 0 : 1;
      }
      return a.compareTo(b);
    }

    /** Orders local labels segment by segment: numbers numerically and above letters. */
    private static int compareLocal(List<String> a, List<String> b) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int result = compareLocalSegment(a.get(i), b.get(i));
        if (result != 0) {
          return result;
        }
      }
      return Integer.compare(a.size(), b.size());
    }

    private static int compareLocalSegment(String a, String b) {
      boolean numericA = a.chars().allMatch(Character::isDigit);
      boolean numericB = b.chars().allMatch(Character::isDigit);
      if (numericA && numericB) {
        return new BigInteger(a).compareTo(new BigInteger(b));
      }
      if (numericA != numericB) {
        return numericA ? 1 : -1;
      }
      return a.compareTo(b);
    }
  }
}
