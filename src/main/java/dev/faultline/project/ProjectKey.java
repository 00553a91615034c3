package dev.faultline.project;

import java.time.Instant;
import java.util.UUID;

import dev.faultline.ingest.Dsn;

/**
 * A DSN key of a project. A rate limit, when set, caps the events accepted through this key per window.
 *
 * @param rateLimitCount null when the key has no limit, and then so is the window
 */
public record ProjectKey(long id, long projectId, String label, UUID publicKey, UUID secretKey, boolean active,
        Integer rateLimitCount, Integer rateLimitWindowSeconds, Instant createdAt) {

    /** The public key as SDKs and the API write it: 32 hexadecimal digits. */
    public String publicKeyString() {
        return Dsn.keyString(publicKey);
    }
}
