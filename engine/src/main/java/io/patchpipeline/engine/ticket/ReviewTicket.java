package io.patchpipeline.engine.ticket;

/**
 * The post-incident review ticket of a unit after {@link TicketSync#openReview}.
 *
 * @param created whether this call created it; false when a search found one an earlier run opened
 */
public record ReviewTicket(String key, String url, boolean created) {}
