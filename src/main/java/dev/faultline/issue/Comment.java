package dev.faultline.issue;

import java.time.Instant;

/** A note a member wrote on an issue, in Markdown. */
public record Comment(long id, long issueId, Long userId, String body, Instant createdAt, Instant updatedAt) {
}
