package io.patchpipeline.engine.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides the target of each Trivy result from the report's artifact ({@code ArtifactName}, {@code
 * ArtifactType} and the first of {@code Metadata.RepoTags}) and from the result's own {@code
 * Target}.
 */
final class TrivyTargets {
  private String artifactName = "";
  private String artifactType = "";
  private String repoTag = "";
  private String lastImage = "";

  void setArtifactName(String name) {
    artifactName = name;
  }

  void setArtifactType(String type) {
    artifactType = type;
  }

  void setMetadata(JsonNode metadata) {
    repoTag = firstRepoTag(metadata);
  }

  /** Returns the target of a result of a schema 2 report. */
  Target artifact(String resultTarget, String resultClass) {
    return switch (artifactType) {
      case "container_image" -> Target.image(imageName(resultTarget));
      case "repository" -> Target.repository(orElse(artifactName, resultTarget));
      case "filesystem", "rootfs", "sbom", "vm" -> Target.file(orElse(artifactName, resultTarget));
      default -> legacy(resultTarget, resultClass);
    };
  }

  /**
   * Returns the target of a result when the report does not name its artifact's type. A language
   * result after an OS result of the older list layout is in the same image.
   */
  Target legacy(String resultTarget, String resultClass) {
    if (resultTarget.contains(" (") || "os-pkgs".equals(resultClass)) {
      lastImage = withoutOs(resultTarget);
      return Target.image(lastImage);
    }
    return lastImage.isEmpty() ? Target.file(resultTarget) : Target.image(lastImage);
  }

  /**
   * Returns the workload of a {@code trivy k8s} resource, with the image an OS result names, else
   * the resource's first repository tag.
   */
  static Target workload(
      String namespace,
      String kindAndName,
      String resourceRepoTag,
      String resultTarget,
      String resultClass) {
    String image =
        "os-pkgs".equals(resultClass) || resultTarget.contains(" (")
            ? withoutOs(resultTarget)
            : resourceRepoTag;
    return Target.workload(namespace, kindAndName, image);
  }

  static String firstRepoTag(JsonNode metadata) {
    return JsonCursor.texts(metadata.path("RepoTags")).stream().findFirst().orElse("");
  }

  /** Prefers the image reference over the path of an image archive that Trivy was given. */
  private String imageName(String resultTarget) {
    boolean archive = artifactName.endsWith(".tar") || artifactName.endsWith(".tar.gz");
    if (!artifactName.isBlank() && !archive) {
      return artifactName;
    }
    if (!repoTag.isBlank()) {
      return repoTag;
    }
    return orElse(artifactName, withoutOs(resultTarget));
  }

  /** Removes the {@code " (debian 10.13)"} suffix that Trivy adds to an OS result's target. */
  private static String withoutOs(String resultTarget) {
    int suffix = resultTarget.lastIndexOf(" (");
    return suffix > 0 ? resultTarget.substring(0, suffix) : resultTarget;
  }

  private static String orElse(String text, String fallback) {
    return text.isBlank() ? fallback : text;
  }
}
