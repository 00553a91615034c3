package dev.faultline.ingest;

import java.util.Optional;
import java.util.UUID;

/**
 * What ingest needs to know of a DSN key, provided by the project feature (which depends on this one, for the DSN
 * format, and not the other way round).
 */
public interface IngestKeys {

    /**
     * A key with its project and the project's settings that apply while events are accepted and digested.
     *
     * @param rateLimitCount events per {@code rateLimitWindowSeconds}, or null for no limit
     */
    record IngestKey(long keyId, long projectId, boolean active, Integer rateLimitCount,
            Integer rateLimitWindowSeconds) {
    }

    Optional<IngestKey> find(UUID publicKey);

    /** Published when a key changes or goes, so cached copies are dropped at once. */
    record Changed(UUID publicKey) {
    }
}
