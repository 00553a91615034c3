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
 * @param hash     its grouping hash; the rest of its {@link Grouping}, a tree as large as its stack, is in the body
 *                 only, so that a batch of events waiting to be written holds no more than it needs
 * @param body     the normalized event as stored: compressed JSON
 */
record DigestedEvent(long projectId, UUID eventId, Instant receivedAt, Instant occurredAt, Level level,
        String platform, String environment, String release, String userKey, List<String[]> tags, String hash,
        EventSummary summary, String searchText, byte[] body) {

    /** The start of the hour the event was received in, the unit of the hourly counts. */
    Instant hour() {
        return receivedAt.truncatedTo(ChronoUnit.HOURS);
    }
}
