package io.patchpipeline.engine.record;

/**
 * One input a run read, with its SHA-256 so that an auditor can prove which bytes were used.
 *
 * @param role {@code report}, {@code kev}, {@code epss}, {@code inventory} or {@code policy}
 * @param format the detected report format, or the feed's format
 * @param findings findings read from a report; 0 for other inputs
 */
public record InputFile(
    String name, String role, String sha256, String format, String scanner, long findings) {}
