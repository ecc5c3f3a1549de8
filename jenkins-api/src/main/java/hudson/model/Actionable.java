// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

import java.util.ArrayList;
import java.util.List;

/** Holder of actions. The stub keeps them in a list so that tests can read what a step added. */
public abstract class Actionable extends AbstractModelObject {
  private final transient List<Action> actions = new ArrayList<>();

  protected Actionable() {}

  public void addAction(Action a) {
    actions.add(a);
  }

  public boolean addOrReplaceAction(Action a) {
    actions.removeIf(existing -> existing.getClass() == a.getClass());
    actions.add(a);
    return true;
  }

  public <T extends Action> List<T> getActions(Class<T> type) {
    return actions.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public <T extends Action> T getAction(Class<T> type) {
    return actions.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
  }
}
