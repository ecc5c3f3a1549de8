package io.patchpipeline.engine.service;

import io.patchpipeline.engine.asset.FileInventory;
import io.patchpipeline.engine.asset.Inventory;
import io.patchpipeline.engine.asset.InventoryLoader;
import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.intel.EpssLoader;
import io.patchpipeline.engine.intel.EpssTable;
import io.patchpipeline.engine.intel.FeedDownload;
import io.patchpipeline.engine.intel.FeedFile;
import io.patchpipeline.engine.intel.FeedInfo;
import io.patchpipeline.engine.intel.KevCatalog;
import io.patchpipeline.engine.intel.KevLoader;
import io.patchpipeline.engine.intel.LoadedFeed;
import io.patchpipeline.engine.intel.ThreatIntel;
import io.patchpipeline.engine.intel.ThreatIntelLoader;
import io.patchpipeline.engine.policy.Policy;
import io.patchpipeline.engine.policy.PolicyLoader;
import io.patchpipeline.engine.policy.Presets;
import io.patchpipeline.engine.record.InputFile;
import io.patchpipeline.engine.triage.TriagePolicies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Loads the policy, threat data and inventory that Detect options name, and adds each file with its
 * SHA-256 to the run's inputs.
 */
public final class Sources {
  private Sources() {}

  /** Loads the policy file, a preset named instead of a file, or the default preset. */
  public static Policy policy(DetectOptions options) throws IOException {
    if (options.policy().isEmpty()) {
      return Presets.defaultPolicy();
    }
    String name = options.policy().get();
    Policy policy = PolicyLoader.resolve(options.baseDir(), name);
    // The triage rules are compiled now, so that a bad rule fails at detect, not at triage.
    TriagePolicies.of(policy);
    return policy;
  }

  /** Loads KEV and EPSS where the options name them; either may stay absent (unknown). */
  public static ThreatIntel intel(
      DetectOptions options, List<InputFile> inputs, Messages messages) {
    Optional<EpssTable> epss = Optional.empty();
    Optional<KevCatalog> kev = Optional.empty();
    if (options.epss().isPresent()) {
      Path file = existing(options, options.epss().get(), "EPSS");
      LoadedFeed<EpssTable> loaded =
          asGiven(options.epss().get(), file, () -> EpssLoader.load(file));
      record(inputs, "epss", loaded.info(), options.epss().get());
      epss = Optional.of(loaded.data());
    } else if (options.download()) {
      LoadedFeed<EpssTable> loaded =
          ThreatIntelLoader.downloadEpss(download(options), options.clock(), messages);
      record(inputs, "epss", loaded.info(), loaded.info().files().get(0).name());
      epss = Optional.of(loaded.data());
    }
    if (options.kev().isPresent()) {
      Path file = existing(options, options.kev().get(), "KEV");
      LoadedFeed<KevCatalog> loaded =
          asGiven(options.kev().get(), file, () -> KevLoader.load(file, messages));
      record(inputs, "kev", loaded.info(), options.kev().get());
      kev = Optional.of(loaded.data());
    } else if (options.download()) {
      LoadedFeed<KevCatalog> loaded =
          ThreatIntelLoader.downloadKev(download(options), options.clock(), messages);
      record(inputs, "kev", loaded.info(), loaded.info().files().get(0).name());
      kev = Optional.of(loaded.data());
    }
    if (epss.isEmpty()) {
      messages.warning("No EPSS data given: every EPSS value is unknown and no rule on it holds");
    }
    if (kev.isEmpty()) {
      messages.warning("No KEV catalog given: every KEV status is unknown and no rule on it holds");
    }
    warnIfStale(epss, kev, options.clock(), messages);
    return new ThreatIntel(epss, kev);
  }

  /** Days after which a feed counts as stale: EPSS is published daily, KEV several times a week. */
  static final int EPSS_STALE_DAYS = 7;

  static final int KEV_STALE_DAYS = 30;

  private static void warnIfStale(
      Optional<EpssTable> epss, Optional<KevCatalog> kev, Clock clock, Messages messages) {
    LocalDate today = LocalDate.now(clock);
    epss.flatMap(EpssTable::scoreDate)
        .filter(date -> date.plusDays(EPSS_STALE_DAYS).isBefore(today))
        .ifPresent(
            date ->
                messages.warning(
                    "The EPSS scores are from "
                        + date
                        + ", more than "
                        + EPSS_STALE_DAYS
                        + " days ago; fetch a current file"));
    kev.flatMap(KevCatalog::dateReleased)
        .filter(date -> date.plusDays(KEV_STALE_DAYS).isBefore(today))
        .ifPresent(
            date ->
                messages.warning(
                    "The KEV catalog was released on "
                        + date
                        + ", more than "
                        + KEV_STALE_DAYS
                        + " days ago; fetch a current catalog"));
    if (kev.isPresent() && kev.get().size() == 0) {
      messages.warning("The KEV catalog lists no vulnerability; check that the file is complete");
    }
  }

  /** Loads the inventory, or returns the empty one under which every target is unknown. */
  public static Inventory inventory(
      DetectOptions options, List<InputFile> inputs, Messages messages) {
    if (options.inventory().isEmpty()) {
      return Inventory.empty();
    }
    Path file = existing(options, options.inventory().get(), "inventory");
    FileInventory inventory =
        asGiven(options.inventory().get(), file, () -> InventoryLoader.load(file, messages));
    inputs.add(
        new InputFile(options.inventory().get(), "inventory", Hashing.sha256(file), "", "", 0));
    return inventory;
  }

  /** Returns the official feed URLs, cached in the feed cache or {@code .patch-pipeline/feeds}. */
  private static FeedDownload download(DetectOptions options) {
    Path folder =
        options.feedCache().orElse(options.baseDir().resolve(".patch-pipeline").resolve("feeds"));
    return FeedDownload.defaults(folder);
  }

  /**
   * Runs {@code load} and names the file in its errors as the user gave it, as report errors do,
   * rather than by the path resolved against the base folder.
   */
  private static <T> T asGiven(String given, Path file, Supplier<T> load) {
    try {
      return load.get();
    } catch (InputException e) {
      String prefix =
          e.getFile()
              + (e.getPosition() == null || e.getPosition().isEmpty()
                  ? ""
                  : " (" + e.getPosition() + ")")
              + ": ";
      if (!file.toString().equals(e.getFile()) || !e.getMessage().startsWith(prefix)) {
        throw e;
      }
      throw new InputException(
          given, e.getPosition(), e.getMessage().substring(prefix.length()), e);
    }
  }

  private static Path existing(DetectOptions options, String name, String what) {
    Path file = options.baseDir().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new InputException(name, "", what + " file not found");
    }
    return file;
  }

  /** Adds the feed's files to the inputs under the name the user gave, not the resolved path. */
  private static void record(List<InputFile> inputs, String role, FeedInfo info, String given) {
    for (FeedFile file : info.files()) {
      String name = info.files().size() == 1 ? given : file.name();
      String version = (info.feed() + " " + info.version()).trim();
      inputs.add(new InputFile(name, role, file.sha256(), version, "", info.entries()));
    }
  }
}
