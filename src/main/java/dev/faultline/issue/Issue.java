package dev.faultline.issue;

import java.time.Instant;

import dev.faultline.event.Level;

/**
 * An issue: the events of one project that share a grouping hash (or several, once merged).
 *
 * @param shortId           the number after the project's slug: {@code SHOP-12} is 12
 * @param metadata          the parts the title is made of, as JSON ({@code type}, {@code value}, {@code filename} ...)
 * @param status            {@code unresolved}, {@code resolved} or {@code ignored}
 * @param regressed         it happened again after being resolved
 * @param assigneeId        the user it is assigned to; null when nobody
 * @param ignoredUntil      an ignored issue comes back then; null for ignored forever or not ignored
 * @param ignoredUntilCount an ignored issue comes back when it has been seen this many times in all
 */
public record Issue(long id, long projectId, long shortId, String type, String title, String culprit, String metadata,
        Level level, String platform, String status, boolean regressed, long timesSeen, long usersSeen,
        Instant firstSeen, Instant lastSeen, String firstRelease, String lastRelease, Instant resolvedAt,
        Long assigneeId, Instant ignoredUntil, Long ignoredUntilCount) {

    public static final String UNRESOLVED = "unresolved";
    public static final String RESOLVED = "resolved";
    public static final String IGNORED = "ignored";
}
