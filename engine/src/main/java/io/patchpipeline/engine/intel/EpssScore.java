package io.patchpipeline.engine.intel;

/**
 * A FIRST EPSS score: the probability of exploitation activity in the next 30 days, and the score's
 * percentile among all scored CVEs; both from 0.0 to 1.0.
 */
public record EpssScore(double epss, double percentile) {}
