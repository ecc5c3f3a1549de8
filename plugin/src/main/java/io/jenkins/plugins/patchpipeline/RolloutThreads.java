package io.jenkins.plugins.patchpipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run rollout steps for {@code canaryDeploy}. A step waits for the agent while a
 * deployment tool runs, which can take an hour, so it must not occupy one of the few threads of
 * Jenkins' shared {@code jenkins.util.Timer}; the timer only wakes a rollout up at the end of a
 * hold and hands it to this pool. Threads are created as rollouts need them and end after a minute
 * without work.
 */
final class RolloutThreads {
  private static final AtomicInteger COUNT = new AtomicInteger();

  private static final ThreadFactory FACTORY =
      task -> {
        Thread thread = new Thread(task, "Patch Pipeline rollout " + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };

  private static final ExecutorService POOL =
      new ThreadPoolExecutor(
          0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), FACTORY);

  private RolloutThreads() {}

  static Future<?> submit(Runnable step) {
    return POOL.submit(step);
  }
}
