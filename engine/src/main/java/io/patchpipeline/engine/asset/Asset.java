package io.patchpipeline.engine.asset;

import io.patchpipeline.engine.report.Target;
import io.patchpipeline.engine.report.TargetKind;
import java.util.Objects;

/**
 * An asset from the inventory, or the explicit unknown asset of a target that matched nothing.
 *
 * @param id the inventory's name for the asset; for an unknown asset, the target's name
 * @param environment lower-case environment name such as {@code prod}, {@code staging}, {@code
 *     dev}, {@code test}; {@code unknown} when not known
 * @param group the asset group a remediation unit is formed for; defaults to the id
 * @param known false for a target that matched no inventory entry
 */
public record Asset(
    String id,
    Criticality criticality,
    String environment,
    String owner,
    Exposure exposure,
    String group,
    boolean known) {

  public Asset {
    id = Objects.requireNonNull(id, "id");
    criticality = Objects.requireNonNullElse(criticality, Criticality.UNKNOWN);
    environment = Objects.requireNonNullElse(environment, "unknown");
    owner = Objects.requireNonNullElse(owner, "");
    exposure = Objects.requireNonNullElse(exposure, Exposure.UNKNOWN);
    group = group == null || group.isBlank() ? id : group;
  }

  /**
   * Returns the unknown asset for a target that no inventory entry matches. An image's group is its
   * repository without tag or digest, so that the next build's scan falls into the same remediation
   * units.
   */
  public static Asset unknown(Target target) {
    String group =
        target.kind() == TargetKind.IMAGE && !target.image().isEmpty()
            ? ImageRef.parse(target.image()).repository()
            : target.name();
    return new Asset(
        target.name(), Criticality.UNKNOWN, "unknown", "", Exposure.UNKNOWN, group, false);
  }
}
