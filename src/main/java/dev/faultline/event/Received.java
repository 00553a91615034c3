package dev.faultline.event;

import java.time.Instant;

/**
 * What ingest knows about an event besides its payload.
 *
 * @param headerEventId the envelope header's {@code event_id}, with or without dashes; may be null
 * @param receivedAt when the request arrived
 * @param sentAt the envelope header's {@code sent_at}, by the SDK's clock; may be null
 * @param clientIp the request's client address; may be null
 * @param scrubData whether the project scrubs sensitive data
 * @param scrubIpAddresses whether the project removes IP addresses
 */
public record Received(String headerEventId, Instant receivedAt, Instant sentAt, String clientIp, boolean scrubData,
        boolean scrubIpAddresses) {
}
