package dev.faultline.ingest;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * DSN keys as ingest sees them, cached per key so every request is not a query. An unknown key is cached too (as
 * empty), per key: one client with a bad key costs one look-up every half minute and blocks nobody else. Changes
 * made on this instance apply at once; those made on another within the expiry.
 */
@Component
class KeyCache {

    private static final Duration EXPIRY = Duration.ofSeconds(30);

    private final IngestKeys keys;
    private final Cache<UUID, Optional<IngestKeys.IngestKey>> cache = Caffeine.newBuilder()
            .expireAfterWrite(EXPIRY).maximumSize(100_000).build();

    KeyCache(IngestKeys keys) {
        this.keys = keys;
    }

    Optional<IngestKeys.IngestKey> find(UUID publicKey) {
        return cache.get(publicKey, keys::find);
    }

    @EventListener
    void changed(IngestKeys.Changed changed) {
        cache.invalidate(changed.publicKey());
    }
}
