// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package jenkins.util;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Jenkins' shared scheduler. The stub returns a real daemon scheduler so that tests of asynchronous
 * step executions can run their scheduled work.
 */
public class Timer {
  private static ScheduledExecutorService executor;

  public static synchronized ScheduledExecutorService get() {
    if (executor == null) {
      executor =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "jenkins.util.Timer stub");
                thread.setDaemon(true);
                return thread;
              });
    }
    return executor;
  }
}
