package dev.faultline.project;

import java.time.Instant;
import java.util.Locale;

/**
 * A project of an organization: what a DSN sends its events to.
 *
 * @param scrubData        filter passwords, tokens, card numbers and the like from events before they are stored
 * @param scrubIpAddresses drop users' IP addresses from events
 * @param firstEventAt     when its first event arrived; null until then
 */
public record Project(long id, long organizationId, String slug, String name, String platform, Instant createdAt,
        boolean scrubData, boolean scrubIpAddresses, Instant firstEventAt) {

    /** Sentry's short id of an issue: its project's slug in capitals and the number in the project. */
    public static String shortId(String slug, long number) {
        return slug.toUpperCase(Locale.ROOT) + "-" + number;
    }

    public String shortId(long number) {
        return shortId(slug, number);
    }
}
