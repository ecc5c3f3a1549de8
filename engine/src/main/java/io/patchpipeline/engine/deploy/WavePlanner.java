package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.core.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the hosts of a plan into waves. Cumulative sizes ({@code waves: [10%, 50%, 100%]}) name
 * the share of production hosts done after each wave; batch sizes ({@code serial: [1, 25%]}) name
 * the hosts of each wave, the last size repeating until every host is done, as in Ansible. Both
 * round a percentage down with a minimum of one host, so 10% of 8 hosts is 1 host.
 */
public final class WavePlanner {
  private WavePlanner() {}

  /**
   * Plans the waves: staging first (when the plan has one), then the canary waves, or one emergency
   * wave of every production host when {@code emergency} is set.
   */
  public static List<Wave> plan(DeployPlan plan, List<String> hosts, boolean emergency) {
    List<Wave> waves = new ArrayList<>();
    List<String> production = new ArrayList<>(hosts);
    plan.staging()
        .ifPresent(
            staging -> {
              production.removeAll(staging.hosts());
              waves.add(new Wave(0, "staging", Wave.Kind.STAGING, staging.hosts()));
            });
    if (production.isEmpty()) {
      if (waves.isEmpty()) {
        throw new InputException(plan.source(), "/hosts", "no hosts to deploy to");
      }
      return waves;
    }
    if (emergency) {
      waves.add(new Wave(waves.size(), "emergency: all hosts", Wave.Kind.EMERGENCY, production));
      return waves;
    }
    List<List<String>> batches =
        plan.serial() ? serialBatches(plan, production) : cumulativeBatches(plan, production);
    for (List<String> batch : batches) {
      int number = waves.size() + (plan.staging().isPresent() ? 0 : 1);
      waves.add(new Wave(waves.size(), "wave " + number, Wave.Kind.CANARY, batch));
    }
    return waves;
  }

  private static List<List<String>> cumulativeBatches(DeployPlan plan, List<String> hosts) {
    List<List<String>> batches = new ArrayList<>();
    int done = 0;
    for (WaveSize size : plan.waves()) {
      int target = size.resolve(hosts.size());
      if (target > done) {
        batches.add(hosts.subList(done, target));
        done = target;
      }
    }
    if (done < hosts.size()) {
      throw new InputException(
          plan.source(),
          "/waves",
          "the last wave covers "
              + done
              + " of "
              + hosts.size()
              + " hosts; end the list with 100%");
    }
    return batches;
  }

  private static List<List<String>> serialBatches(DeployPlan plan, List<String> hosts) {
    List<List<String>> batches = new ArrayList<>();
    int done = 0;
    int item = 0;
    while (done < hosts.size()) {
      WaveSize size = plan.waves().get(Math.min(item, plan.waves().size() - 1));
      int batch = Math.max(1, size.resolve(hosts.size()));
      int end = Math.min(hosts.size(), done + batch);
      batches.add(hosts.subList(done, end));
      done = end;
      item++;
    }
    return batches;
  }
}
