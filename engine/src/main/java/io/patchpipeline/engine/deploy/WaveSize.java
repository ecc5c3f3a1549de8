package io.patchpipeline.engine.deploy;

/**
 * A number of hosts, given as a count ({@code 3}) or a percentage ({@code "25%"}) of a total.
 * Percentages round down with a minimum of one host, exactly as Ansible's {@code serial} keyword
 * does ({@code pct_to_int} in ansible-core 2.14, {@code lib/ansible/utils/helpers.py}).
 */
public record WaveSize(int value, boolean percent) {
  public WaveSize {
    if (value < 0 || (percent && value > 100)) {
      throw new IllegalArgumentException("wave size out of range: " + value);
    }
  }

  public static WaveSize count(int hosts) {
    return new WaveSize(hosts, false);
  }

  public static WaveSize percent(int value) {
    return new WaveSize(value, true);
  }

  /** Returns the number of hosts this size stands for out of {@code total}. */
  public int resolve(int total) {
    if (!percent) {
      return Math.min(value, total);
    }
    int hosts = (int) ((long) value * total / 100);
    return Math.max(hosts, Math.min(1, total));
  }

  @Override
  public String toString() {
    return percent ? value + "%" : Integer.toString(value);
  }
}
