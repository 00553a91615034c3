package dev.faultline.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * An error or message event after normalization, grouping and summary: what the writers store.
 *
 * @param tags     the event's tags as {@code [key, value]} pairs
 * @param userKey  who it happened to ({@code id:...}, {@code email:...} ...), null when unknown
 * @param body     the normalized event as stored: gzip-compressed JSON
 */
record DigestedEvent(long projectId, UUID eventId, Instant receivedAt, Instant occurredAt, Level level,
        String platform, String environment, String release, String userKey, List<String[]> tags, Grouping grouping,
        EventSummary summary, String searchText, byte[] body) {

    /** The start of the hour the event was received in, the unit of the hourly counts. */
    Instant hour() {
        return receivedAt.truncatedTo(ChronoUnit.HOURS);
    }
}
