package dev.faultline.issue;

import java.time.Instant;
import java.util.UUID;

/** Feedback a user of the monitored application sent about an event of the issue. */
record UserReport(long id, UUID eventId, String name, String email, String comments, Instant receivedAt) {
}
