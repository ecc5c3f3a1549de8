package io.patchpipeline.engine.verify.version;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maven versions with the semantics of Maven 3.8's {@code ComparableVersion}: items split at {@code
 * .}, {@code -} and digit/letter transitions, numbers compare numerically, trailing zeros and
 * release qualifiers are dropped ({@code 1.0.0 = 1 = 1-ga = 1.final}), and qualifiers order {@code
 * alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp}, with any other
 * qualifier after {@code sp} in lexical order. {@code a1}, {@code b1} and {@code m1} mean alpha,
 * beta and milestone. Every string is a valid Maven version.
 */
public final class MavenVersionComparator implements VersionComparator {
  static final MavenVersionComparator INSTANCE = new MavenVersionComparator();

  private static final List<String> QUALIFIERS =
      List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
  private static final Map<String, String> ALIASES =
      Map.of("ga", "", "final", "", "release", "", "cr", "rc");
  private static final String RELEASE_INDEX = String.valueOf(QUALIFIERS.indexOf(""));

  private MavenVersionComparator() {}

  @Override
  public String ecosystem() {
    return "maven";
  }

  @Override
  public int compare(String left, String right) {
    return Integer.signum(parse(left).compareTo(parse(right)));
  }

  private interface Item {
    /** Compares with another item; {@code null} stands for a missing item. */
    int compareTo(Item other);

    boolean isNull();
  }

  private record IntItem(BigInteger value) implements Item {
    @Override
    public int compareTo(Item other) {
      if (other == null) {
        return value.signum() == 0 ? 0 : 1;
      }
      if (other instanceof IntItem number) {
        return value.compareTo(number.value);
      }
      return 1;
    }

    @Override
    public boolean isNull() {
      return value.signum() == 0;
    }
  }

  private record StringItem(String value) implements Item {
    static StringItem of(String text, boolean followedByDigit) {
      String value = text;
      if (followedByDigit && value.length() == 1) {
        value =
            switch (value.charAt(0)) {
              case 'a' -> "alpha";
              case 'b' -> "beta";
              case 'm' -> "milestone";
              default -> value;
            };
      }
      return new StringItem(ALIASES.getOrDefault(value, value));
    }

    /** Returns a key whose lexical order is the qualifier order, unknown qualifiers last. */
    private static String comparable(String qualifier) {
      int index = QUALIFIERS.indexOf(qualifier);
      return index >= 0 ? String.valueOf(index) : QUALIFIERS.size() + "-" + qualifier;
    }

    @Override
    public int compareTo(Item other) {
      if (other == null) {
        return comparable(value).compareTo(RELEASE_INDEX);
      }
      if (other instanceof StringItem text) {
        return comparable(value).compareTo(comparable(text.value));
      }
      return -1;
    }

    @Override
    public boolean isNull() {
      return value.isEmpty();
    }
  }

  private static final class ListItem extends ArrayList<Item> implements Item {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isNull() {
      return isEmpty();
    }

    void normalize() {
      for (int i = size() - 1; i >= 0; i--) {
        Item last = get(i);
        if (last.isNull()) {
          remove(i);
        } else if (!(last instanceof ListItem)) {
          break;
        }
      }
    }

    @Override
    public int compareTo(Item other) {
      if (other == null) {
        for (Item item : this) {
          int result = item.compareTo(null);
          if (result != 0) {
            return result;
          }
        }
        return 0;
      }
      if (other instanceof IntItem) {
        return -1;
      }
      if (other instanceof StringItem) {
        return 1;
      }
      ListItem list = (ListItem) other;
      for (int i = 0; i < Math.max(size(), list.size()); i++) {
        Item l = i < size() ? get(i) : null;
        Item r = i < list.size() ? list.get(i) : null;
        int result =
            l == null ? (r == null ? 0 : Integer.compare(0, r.compareTo(null))) : l.compareTo(r);
        if (result != 0) {
          return result;
        }
      }
      return 0;
    }
  }

  private static ListItem parse(String version) {
    String text = Objects.requireNonNull(version, "version").trim().toLowerCase(Locale.ROOT);
    ListItem root = new ListItem();
    Parser parser = new Parser(root);
    for (int i = 0; i < text.length(); i++) {
      parser.accept(text, i);
    }
    parser.finish(text);
    return root;
  }

  /** The state of one left-to-right pass over a version string. */
  private static final class Parser {
    private final Deque<ListItem> stack = new ArrayDeque<>();
    private ListItem list;
    private boolean digit;
    private int start;

    Parser(ListItem root) {
      list = root;
      stack.push(root);
    }

    void accept(String text, int i) {
      char c = text.charAt(i);
      if (c == '.' || c == '-') {
        list.add(i == start ? new IntItem(BigInteger.ZERO) : item(text.substring(start, i), false));
        start = i + 1;
        if (c == '-') {
          openList();
        }
      } else if (Character.isDigit(c)) {
        if (!digit && i > start) {
          // 1.0.0.X1 < 1.0.0-X2: a qualifier after '.' is treated as one after '-'.
          if (!list.isEmpty()) {
            openList();
          }
          list.add(StringItem.of(text.substring(start, i), true));
          start = i;
          openList();
        }
        digit = true;
      } else {
        if (digit && i > start) {
          list.add(item(text.substring(start, i), false));
          start = i;
          openList();
        }
        digit = false;
      }
    }

    void finish(String text) {
      if (text.length() > start) {
        if (!digit && !list.isEmpty()) {
          openList();
        }
        list.add(item(text.substring(start), false));
      }
      while (!stack.isEmpty()) {
        stack.pop().normalize();
      }
    }

    private Item item(String token, boolean followedByDigit) {
      return digit ? new IntItem(new BigInteger(token)) : StringItem.of(token, followedByDigit);
    }

    private void openList() {
      ListItem child = new ListItem();
      list.add(child);
      list = child;
      stack.push(child);
    }
  }
}
