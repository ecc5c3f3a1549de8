// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson;

import java.util.AbstractList;
import jenkins.util.io.OnMaster;

public class ExtensionList<T> extends AbstractList<T> implements OnMaster {
  private ExtensionList() {}

  public static <U> U lookupSingleton(Class<U> type) {
    throw new UnsupportedOperationException();
  }

  @Override
  public T get(int index) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int size() {
    throw new UnsupportedOperationException();
  }
}
