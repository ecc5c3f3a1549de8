package io.patchpipeline.engine.evidence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contents a bundle check reads from a folder or a zip: the manifest and signature bytes, the
 * SHA-256 of every other file by its path relative to the bundle root, and {@code unit.json}.
 *
 * @param name the bundle's file name, such as {@code PP-97cb862820} or {@code PP-97cb862820.zip}
 * @param problems what was wrong while reading, such as an unsafe zip entry name
 */
record BundleContents(
    String name,
    byte[] manifest,
    Optional<byte[]> signature,
    Map<String, String> hashes,
    Optional<byte[]> unitJson,
    List<String> problems) {

  BundleContents {
    hashes = Map.copyOf(hashes);
    problems = List.copyOf(problems);
  }
}
