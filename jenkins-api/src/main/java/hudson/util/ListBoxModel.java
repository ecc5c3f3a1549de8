// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

/** Choices of a drop-down list. The stub stores options so that tests can read them. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
  private static final long serialVersionUID = 1L;

  public ListBoxModel() {}

  public void add(String displayName, String value) {
    add(new Option(displayName, value));
  }

  /** One choice. */
  public static final class Option {
    public String name;
    public String value;
    public boolean selected;

    public Option(String name, String value) {
      this.name = name;
      this.value = value;
    }
  }
}
