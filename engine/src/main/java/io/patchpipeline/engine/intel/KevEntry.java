package io.patchpipeline.engine.intel;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One entry of the CISA Known Exploited Vulnerabilities catalog.
 *
 * @param dueDate the date federal agencies must remediate by under BOD 22-01
 * @param knownRansomwareUse whether the catalog's {@code knownRansomwareCampaignUse} is "Known"
 */
public record KevEntry(
    String cveId,
    String vendor,
    String product,
    String name,
    Optional<LocalDate> dateAdded,
    Optional<LocalDate> dueDate,
    String requiredAction,
    boolean knownRansomwareUse) {}
