package dev.faultline.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * An error or message event as stored, for the issue views and the API.
 *
 * @param occurredAt when it happened by the SDK's clock, corrected for drift
 * @param userKey    who it happened to ({@code id:42}, {@code email:...}); null when unknown
 * @param hash       the grouping hash it was filed under
 * @param tags       its tags as {@code key=value}
 * @param body       the normalized event with its title, culprit, metadata and grouping; null when not asked for
 */
public record StoredEvent(long projectId, UUID eventId, long issueId, Instant receivedAt, Instant occurredAt,
        Level level, String environment, String release, String userKey, String hash, List<String> tags,
        ObjectNode body) {
}
