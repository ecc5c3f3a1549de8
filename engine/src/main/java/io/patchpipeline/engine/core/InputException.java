package io.patchpipeline.engine.core;

/**
 * Invalid user input: a report, feed, inventory, policy or plan that cannot be read. The message
 * names the file, the position and what was expected, and never contains a secret.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String position;

  /**
   * Creates an error for {@code file} at {@code position} (for example {@code line 12, column 4} or
   * a JSON pointer such as {@code /Results/0/Vulnerabilities}); either may be empty.
   */
  public InputException(String file, String position, String problem) {
    super(format(file, position, problem));
    this.file = file;
    this.position = position;
  }

  public InputException(String file, String position, String problem, Throwable cause) {
    super(format(file, position, problem), cause);
    this.file = file;
    this.position = position;
  }

  public String getFile() {
    return file;
  }

  public String getPosition() {
    return position;
  }

  private static String format(String file, String position, String problem) {
    StringBuilder text = new StringBuilder();
    if (file != null && !file.isEmpty()) {
      text.append(file);
      if (position != null && !position.isEmpty()) {
        text.append(" (").append(position).append(')');
      }
      text.append(": ");
    }
    return text.append(problem).toString();
  }
}
