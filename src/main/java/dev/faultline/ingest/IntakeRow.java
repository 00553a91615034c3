package dev.faultline.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as ingest acknowledged it, waiting for digest: the payload as the SDK sent it (JSON, compressed), with
 * what the request said about it.
 *
 * @param id       the row's id; 0 before it is written
 * @param sentAt   the envelope's {@code sent_at}, for correcting the client's clock; may be null
 * @param clientIp the request's client address (after trusted proxies); may be null
 */
public record IntakeRow(long id, long projectId, IntakeKind kind, UUID eventId, Instant receivedAt, Instant sentAt,
        String clientIp, byte[] payload) {
}
