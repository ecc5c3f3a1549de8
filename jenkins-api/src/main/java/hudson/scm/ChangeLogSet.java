// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.scm;

import hudson.model.User;

/** The changes of one checkout. Tests subclass it with a fixed list of entries. */
public abstract class ChangeLogSet<T extends ChangeLogSet.Entry> implements Iterable<T> {
  protected ChangeLogSet() {}

  /** One commit. */
  public abstract static class Entry {
    protected Entry() {}

    public abstract User getAuthor();
  }
}
