package dev.faultline.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * A DSN key's own rate limit: at most {@code count} events per window of {@code windowSeconds}, counted in fixed
 * windows on this instance (several instances each allow the limit).
 */
@Component
class KeyRateLimiter {

    private record Window(long start, AtomicLong used) {
    }

    private final Cache<Long, Window> windows = Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1))
            .maximumSize(100_000).build();

    /** Counts {@code events} against the key's limit, or refuses them all with a 429 that says until when. */
    void acquire(IngestKeys.IngestKey key, int events, Instant now) {
        if (key.rateLimitCount() == null || events == 0) {
            return;
        }
        long window = key.rateLimitWindowSeconds();
        long start = now.getEpochSecond() / window * window;
        Window current = windows.asMap().compute(key.keyId(),
                (id, existing) -> existing != null && existing.start() == start ? existing : new Window(start, new AtomicLong()));
        if (current.used().addAndGet(events) > key.rateLimitCount()) {
            current.used().addAndGet(-events);
            throw IngestException.rateLimited("This DSN key's rate limit of " + key.rateLimitCount() + " events per "
                            + window + " s is reached", Duration.ofSeconds(start + window - now.getEpochSecond()), "",
                    "key");
        }
    }
}
