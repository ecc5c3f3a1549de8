package io.patchpipeline.engine.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.record.UnitIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a bundle against its manifest: every listed file present with its SHA-256, no file added,
 * the manifest's unit id equal to the bundle's, and, with a key, the manifest's signature. Without
 * a key a changed manifest cannot be distinguished from a genuine one, so a bundle that must be
 * trusted is checked with its key.
 */
public final class BundleVerifier {
  private BundleVerifier() {}

  /**
   * Checks the bundle folder {@code bundle}; with {@code signer} the signature must be present and
   * match.
   *
   * @throws InputException when {@code bundle} is not a folder with a {@code manifest.json}
   */
  public static BundleCheck verify(Path bundle, Optional<EvidenceSigner> signer)
      throws IOException {
    if (!Files.isDirectory(bundle)) {
      throw EvidenceZip.notABundle(bundle);
    }
    Path manifestFile = bundle.resolve(Manifest.FILE);
    if (!Files.isRegularFile(manifestFile)) {
      throw new InputException(
          bundle.toString(),
          "",
          "not an evidence bundle: the folder has no manifest.json; give a unit's bundle folder or"
              + " its zip file");
    }
    Map<String, String> hashes = new LinkedHashMap<>();
    for (Path file : Manifest.listFiles(bundle)) {
      hashes.put(Manifest.relative(bundle, file), Hashing.sha256(file));
    }
    Path signatureFile = bundle.resolve(Manifest.SIGNATURE);
    Path unitFile = bundle.resolve("unit.json");
    BundleContents contents =
        new BundleContents(
            String.valueOf(bundle.toAbsolutePath().normalize().getFileName()),
            Files.readAllBytes(manifestFile),
            Files.isRegularFile(signatureFile)
                ? Optional.of(Files.readAllBytes(signatureFile))
                : Optional.empty(),
            hashes,
            Files.isRegularFile(unitFile)
                ? Optional.of(Files.readAllBytes(unitFile))
                : Optional.empty(),
            List.of());
    return check(contents, signer);
  }

  /** Checks what was read from a folder or a zip. */
  static BundleCheck check(BundleContents bundle, Optional<EvidenceSigner> signer) {
    List<String> problems = new ArrayList<>(bundle.problems());
    Optional<JsonNode> manifest = parseManifest(bundle.manifest(), problems);
    Map<String, String> listed = new LinkedHashMap<>();
    manifest.ifPresent(
        root -> {
          listed.putAll(listedFiles(root, problems));
          checkUnitId(bundle, root, problems);
        });
    checkFiles(bundle.hashes(), listed, problems);
    boolean signed = bundle.signature().isPresent();
    boolean verified = false;
    if (signer.isPresent()) {
      if (!signed) {
        problems.add("the bundle is not signed, but a key was given to check it");
      } else {
        verified =
            checkSignature(bundle.signature().get(), bundle.manifest(), signer.get(), problems);
      }
    }
    return new BundleCheck(signed, verified, problems);
  }

  private static Optional<JsonNode> parseManifest(byte[] manifest, List<String> problems) {
    if (manifest.length == 0) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(manifest);
    } catch (IOException e) {
      problems.add("manifest.json is not valid JSON");
      return Optional.empty();
    }
    if (!Manifest.FORMAT.equals(root.path("format").asText())) {
      problems.add(
          "manifest.json has format '"
              + root.path("format").asText()
              + "', expected "
              + Manifest.FORMAT);
    }
    return Optional.of(root);
  }

  private static Map<String, String> listedFiles(JsonNode root, List<String> problems) {
    Map<String, String> listed = new LinkedHashMap<>();
    for (JsonNode entry : root.path("files")) {
      String path = entry.path("path").asText("");
      if (path.isEmpty() || !EvidenceZip.isSafe(path)) {
        problems.add("manifest.json lists an invalid path '" + path + "'");
      } else if (listed.containsKey(path)) {
        problems.add("manifest.json lists " + path + " twice");
      } else {
        listed.put(path, entry.path("sha256").asText());
      }
    }
    return listed;
  }

  /**
   * Compares the manifest's unit id with the id in {@code unit.json} and with the bundle's name,
   * which the writer derives from the id, so a manifest copied from another unit's bundle shows.
   */
  private static void checkUnitId(BundleContents bundle, JsonNode manifest, List<String> problems) {
    if (!"unit".equals(manifest.path("kind").asText())) {
      return;
    }
    String id = manifest.path("id").asText("");
    bundle
        .unitJson()
        .flatMap(BundleVerifier::unitId)
        .filter(unitId -> !unitId.equals(id))
        .ifPresent(
            unitId ->
                problems.add(
                    "manifest.json is for unit " + id + ", but unit.json is for unit " + unitId));
    String name =
        bundle.name().endsWith(".zip")
            ? bundle.name().substring(0, bundle.name().length() - ".zip".length())
            : bundle.name();
    if (UnitIds.isValid(name) && !name.equals(EvidenceWriter.safeName(id))) {
      problems.add(
          "manifest.json is for unit " + id + ", but the bundle is named " + bundle.name());
    }
  }

  private static Optional<String> unitId(byte[] unitJson) {
    try {
      JsonNode id = Json.mapper().readTree(unitJson).path("id");
      return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void checkFiles(
      Map<String, String> present, Map<String, String> listed, List<String> problems) {
    listed.forEach(
        (path, sha256) -> {
          String actual = present.get(path);
          if (actual == null) {
            problems.add("file " + path + " is listed in manifest.json but missing");
          } else if (!MessageDigest.isEqual(ascii(actual), ascii(sha256))) {
            problems.add("file " + path + " was changed: its SHA-256 differs from manifest.json");
          }
        });
    present.keySet().stream()
        .filter(path -> !listed.containsKey(path))
        .forEach(
            path -> problems.add("file " + path + " was added: manifest.json does not list it"));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean checkSignature(
      byte[] signatureBytes, byte[] manifest, EvidenceSigner signer, List<String> problems) {
    JsonNode signature;
    try {
      signature = Json.mapper().readTree(signatureBytes);
    } catch (IOException e) {
      problems.add("manifest.sig is not valid JSON");
      return false;
    }
    String algorithm = signature.path("algorithm").asText("");
    if (!signer.algorithm().equals(algorithm)) {
      problems.add(
          "manifest.sig uses " + algorithm + ", but the key given is for " + signer.algorithm());
      return false;
    }
    byte[] value;
    try {
      value = Base64.getDecoder().decode(signature.path("signature").asText(""));
    } catch (IllegalArgumentException e) {
      problems.add("manifest.sig holds no valid Base64 signature");
      return false;
    }
    if (!signer.verify(manifest, value)) {
      problems.add(
          "the signature does not match manifest.json: the manifest was changed or the key is wrong");
      return false;
    }
    return true;
  }
}
