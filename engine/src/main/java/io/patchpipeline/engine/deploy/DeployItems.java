package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.deploy.tool.DeployItem;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.report.PackageKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns approved units of the record into validated deploy items and target hosts. */
final class DeployItems {
  private DeployItems() {}

  static List<DeployItem> items(PatchRecord record, Approvals approvals, String tool) {
    List<DeployItem> items = new ArrayList<>();
    for (String id : approvals.unitIds()) {
      RemediationUnit unit = record.unit(id).orElseThrow();
      String source = "unit " + id;
      if (!unit.hasFix()) {
        throw new InputException(
            source, "/fixedVersion", "no fixed version is known; nothing to deploy");
      }
      if (unit.kind() == PackageKind.IMAGE || isContainerTool(tool)) {
        DeployNames.image(unit.packageName(), source);
        DeployNames.tag(unit.fixedVersion(), source);
      } else if ("windows-update".equals(tool)) {
        DeployNames.kb(unit.packageName(), source);
      } else {
        DeployNames.packageName(unit.packageName(), source);
        DeployNames.version(unit.fixedVersion(), source);
      }
      String previous = unit.installedVersions().isEmpty() ? "" : unit.installedVersions().get(0);
      if (!previous.isEmpty()) {
        DeployNames.version(previous, source);
      }
      unit.cves().forEach(cve -> DeployNames.vulnerabilityId(cve, source));
      items.add(
          new DeployItem(
              id,
              unit.packageName(),
              unit.fixedVersion(),
              previous,
              unit.kind().name(),
              unit.cves()));
    }
    return items;
  }

  /** Returns the plan's hosts, or the assets of the approved units when the plan lists none. */
  static List<String> hosts(DeployPlan plan, PatchRecord record, Approvals approvals) {
    if (!plan.hosts().isEmpty()) {
      return plan.hosts();
    }
    Set<String> hosts = new LinkedHashSet<>();
    for (String id : approvals.unitIds()) {
      for (String asset : record.unit(id).orElseThrow().assets()) {
        hosts.add(DeployNames.host(asset, "unit " + id + " asset"));
      }
    }
    return new ArrayList<>(hosts);
  }

  private static boolean isContainerTool(String tool) {
    return tool.equals("kubectl") || tool.equals("helm") || tool.equals("argo-rollouts");
  }
}
