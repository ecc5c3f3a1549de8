package io.patchpipeline.engine.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a bundle against its manifest: every listed file present with its SHA-256, no file added,
 * and, with a key, the manifest's signature. Without a key a changed manifest cannot be
 * distinguished from a genuine one, so a bundle that must be trusted is checked with its key.
 */
public final class BundleVerifier {
  private BundleVerifier() {}

  /** Checks {@code bundle}; with {@code signer} the signature must be present and match. */
  public static BundleCheck verify(Path bundle, Optional<EvidenceSigner> signer)
      throws IOException {
    List<String> problems = new ArrayList<>();
    Path manifestFile = bundle.resolve(Manifest.FILE);
    if (!Files.isRegularFile(manifestFile)) {
      return new BundleCheck(false, false, List.of("manifest.json is missing from " + bundle));
    }
    byte[] manifestBytes = Files.readAllBytes(manifestFile);
    Map<String, JsonNode> listed = listedFiles(manifestBytes, problems);
    checkFiles(bundle, listed, problems);
    Path signatureFile = bundle.resolve(Manifest.SIGNATURE);
    boolean signed = Files.isRegularFile(signatureFile);
    boolean verified = false;
    if (signer.isPresent()) {
      if (!signed) {
        problems.add("the bundle is not signed, but a key was given to check it");
      } else {
        verified = checkSignature(signatureFile, manifestBytes, signer.get(), problems);
      }
    }
    return new BundleCheck(signed, verified, problems);
  }

  private static Map<String, JsonNode> listedFiles(byte[] manifest, List<String> problems) {
    Map<String, JsonNode> listed = new LinkedHashMap<>();
    JsonNode root;
    try {
      root = Json.mapper().readTree(manifest);
    } catch (IOException e) {
      problems.add("manifest.json is not valid JSON");
      return listed;
    }
    if (!Manifest.FORMAT.equals(root.path("format").asText())) {
      problems.add(
          "manifest.json has format '"
              + root.path("format").asText()
              + "', expected "
              + Manifest.FORMAT);
    }
    for (JsonNode entry : root.path("files")) {
      String path = entry.path("path").asText("");
      if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
        problems.add("manifest.json lists an invalid path '" + path + "'");
      } else {
        listed.put(path, entry);
      }
    }
    return listed;
  }

  private static void checkFiles(Path bundle, Map<String, JsonNode> listed, List<String> problems) {
    Map<String, Path> present = new LinkedHashMap<>();
    for (Path file : Manifest.listFiles(bundle)) {
      present.put(Manifest.relative(bundle, file), file);
    }
    listed.forEach(
        (path, entry) -> {
          Path file = present.get(path);
          if (file == null) {
            problems.add("file " + path + " is listed in manifest.json but missing");
          } else if (!Hashing.sha256(file).equals(entry.path("sha256").asText())) {
            problems.add("file " + path + " was changed: its SHA-256 differs from manifest.json");
          }
        });
    present.keySet().stream()
        .filter(path -> !listed.containsKey(path))
        .forEach(
            path -> problems.add("file " + path + " was added: manifest.json does not list it"));
  }

  private static boolean checkSignature(
      Path signatureFile, byte[] manifest, EvidenceSigner signer, List<String> problems)
      throws IOException {
    JsonNode signature;
    try {
      signature = Json.mapper().readTree(Files.readAllBytes(signatureFile));
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
