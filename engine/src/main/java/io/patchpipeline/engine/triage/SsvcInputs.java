package io.patchpipeline.engine.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.triage.SsvcValues.TechnicalImpact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SSVC values by CVE, read from a YAML or JSON mapping such as {@code CVE-2024-3094: {automatable:
 * yes, technicalImpact: total}}. A CVE that the file does not list has unknown values.
 */
public final class SsvcInputs {
  public static final SsvcInputs NONE = new SsvcInputs(Map.of());

  private final Map<String, SsvcValues> byCve;

  public SsvcInputs(Map<String, SsvcValues> byCve) {
    this.byCve = Map.copyOf(byCve);
  }

  public SsvcValues lookup(String cve) {
    return byCve.getOrDefault(cve.toUpperCase(Locale.ROOT), SsvcValues.UNKNOWN);
  }

  /**
   * Returns whether exploitation of any of {@code cves} is automatable: true when one is, false
   * when every one is known not to be, else unknown.
   */
  public Optional<Boolean> automatable(Collection<String> cves) {
    boolean allKnown = !cves.isEmpty();
    for (String cve : cves) {
      Optional<Boolean> value = lookup(cve).automatable();
      if (value.orElse(false)) {
        return Optional.of(true);
      }
      allKnown &= value.isPresent();
    }
    return allKnown ? Optional.of(false) : Optional.empty();
  }

  /**
   * Returns TOTAL when any CVE's impact is total, PARTIAL when every one is partial, else unknown.
   */
  public Optional<TechnicalImpact> technicalImpact(Collection<String> cves) {
    boolean allKnown = !cves.isEmpty();
    for (String cve : cves) {
      Optional<TechnicalImpact> value = lookup(cve).technicalImpact();
      if (value.filter(v -> v == TechnicalImpact.TOTAL).isPresent()) {
        return value;
      }
      allKnown &= value.isPresent();
    }
    return allKnown ? Optional.of(TechnicalImpact.PARTIAL) : Optional.empty();
  }

  public static SsvcInputs load(Path file) throws IOException {
    JsonNode tree;
    try {
      tree = Json.yaml().readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), "", "SSVC file not found", e);
    } catch (JsonProcessingException e) {
      throw new InputException(file.toString(), "", "invalid YAML: " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InputException(
          file.toString(), "line 1", "expected a mapping of CVE ids to SSVC values");
    }
    Map<String, SsvcValues> values = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String cve = entry.getKey().trim().toUpperCase(Locale.ROOT);
      values.put(cve, values(entry.getValue(), file.toString(), cve));
    }
    return new SsvcInputs(values);
  }

  private static SsvcValues values(JsonNode node, String file, String cve) {
    Optional<Boolean> automatable = Optional.empty();
    Optional<TechnicalImpact> impact = Optional.empty();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String text = field.getValue().asText().trim().toLowerCase(Locale.ROOT);
      switch (field.getKey()) {
        case "automatable" -> automatable = Optional.of(yesNo(text, file, cve));
        case "technicalImpact" -> impact = Optional.of(impact(text, file, cve));
        default ->
            throw new InputException(
                file,
                cve + "." + field.getKey(),
                "unknown SSVC field; expected automatable or technicalImpact");
      }
    }
    return new SsvcValues(automatable, impact);
  }

  private static boolean yesNo(String text, String file, String cve) {
    return switch (text) {
      case "yes", "true" -> true;
      case "no", "false" -> false;
      default ->
          throw new InputException(
              file, cve + ".automatable", "invalid value '" + text + "'; expected yes or no");
    };
  }

  private static TechnicalImpact impact(String text, String file, String cve) {
    return switch (text) {
      case "partial" -> TechnicalImpact.PARTIAL;
      case "total" -> TechnicalImpact.TOTAL;
      default ->
          throw new InputException(
              file,
              cve + ".technicalImpact",
              "invalid value '" + text + "'; expected partial or total");
    };
  }
}
