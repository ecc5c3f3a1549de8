// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.scm;

import hudson.model.User;

/**
 * The changes of one checkout. The plugin only reads change sets, so the stub declares no usable
 * constructor; the real one takes the run and the repository browser.
 */
public abstract class ChangeLogSet<T extends ChangeLogSet.Entry> implements Iterable<T> {
  private ChangeLogSet() {}

  /** One commit. */
  public abstract static class Entry {
    public Entry() {}

    public abstract User getAuthor();
  }
}
