package dev.faultline.issue;

import java.time.Instant;

/**
 * One value of a tag among an issue's events.
 *
 * @param total          events of the issue with any value for the key
 * @param distinctValues how many values the key has in the issue
 */
public record TagValue(String key, String value, long timesSeen, Instant firstSeen, Instant lastSeen, long total,
        long distinctValues) {
}
