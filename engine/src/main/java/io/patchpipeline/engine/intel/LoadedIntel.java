package io.patchpipeline.engine.intel;

/** The threat data of a run and the description of its sources. */
public record LoadedIntel(ThreatIntel intel, IntelSources sources) {}
