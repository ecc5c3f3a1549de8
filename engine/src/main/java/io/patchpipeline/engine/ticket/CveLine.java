package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.intel.KevStatus;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One vulnerability of a ticket's CVE table.
 *
 * @param id the CVE id, or the scanner's id when the finding has no CVE
 * @param epssPercentile the EPSS percentile in [0, 1]
 * @param kevDueDate the CISA KEV due date when the CVE is in the catalog
 */
public record CveLine(
    String id,
    Optional<Double> cvss,
    Optional<Double> epss,
    Optional<Double> epssPercentile,
    KevStatus kev,
    Optional<LocalDate> kevDueDate) {}
