package io.jenkins.plugins.patchpipeline;

import io.patchpipeline.engine.deploy.BlockRun;
import io.patchpipeline.engine.deploy.tool.DeployItem;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One run of the {@code canaryDeploy} body that the rollout waits for, as plain values that the
 * step keeps with the program: the wave, its hosts and fixes, and whether to deploy or roll back.
 * Every host, package name and version was validated by the engine, so the values are safe to use
 * in a shell command.
 *
 * @param index the wave's position in the rollout, starting at 0
 * @param packages the approved fixes as {@code name=version}
 */
record WaveBlock(
    int index,
    int count,
    String wave,
    String kind,
    ArrayList<String> hosts,
    ArrayList<String> units,
    ArrayList<String> packages,
    boolean rollback)
    implements Serializable {
  WaveBlock {
    hosts = new ArrayList<>(hosts);
    units = new ArrayList<>(units);
    packages = new ArrayList<>(packages);
  }

  static WaveBlock of(BlockRun run) {
    ArrayList<String> units = new ArrayList<>();
    ArrayList<String> packages = new ArrayList<>();
    for (DeployItem item : run.items()) {
      if (!units.contains(item.unitId())) {
        units.add(item.unitId());
      }
      packages.add(item.name() + "=" + item.version());
    }
    return new WaveBlock(
        run.waveIndex(),
        run.waveCount(),
        run.wave(),
        run.kind().name().toLowerCase(Locale.ROOT),
        new ArrayList<>(run.hosts()),
        units,
        packages,
        run.rollback());
  }

  String action() {
    return rollback ? "rollback" : "deploy";
  }

  /** Returns the variables the body sees, in a stable order; docs/plugin.md lists them. */
  Map<String, String> variables() {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("CANARY_HOSTS", String.join(" ", hosts));
    variables.put("CANARY_HOSTS_CSV", String.join(",", hosts));
    variables.put("CANARY_WAVE", wave);
    variables.put("CANARY_WAVE_INDEX", Integer.toString(index));
    variables.put("CANARY_WAVE_COUNT", Integer.toString(count));
    variables.put("CANARY_WAVE_KIND", kind);
    variables.put("CANARY_ACTION", action());
    variables.put("CANARY_UNITS", String.join(",", units));
    variables.put("CANARY_PACKAGES", String.join(" ", packages));
    return variables;
  }
}
