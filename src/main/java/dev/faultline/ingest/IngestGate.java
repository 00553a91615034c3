package dev.faultline.ingest;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps ingest within bounds: how many requests are read at once, how many payload bytes they may hold, and how far
 * digest may fall behind. Past any bound a request gets 429 with a retry time, rather than the server running out
 * of memory or its backlog growing without end.
 */
@Component
class IngestGate implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestGate.class);
    static final int MAX_CONCURRENT_REQUESTS = 256;
    static final long MEMORY_BUDGET_BYTES = 64 * IngestLimits.MIB;
    static final long MAX_BACKLOG_ROWS = 200_000;
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final Semaphore requests = new Semaphore(MAX_CONCURRENT_REQUESTS);
    private final Semaphore memory = new Semaphore((int) (MEMORY_BUDGET_BYTES / 1024));
    private final IntakeQueue intake;
    private ScheduledExecutorService backlogCheck;
    private volatile boolean backlogFull;

    IngestGate(IntakeQueue intake) {
        this.intake = intake;
    }

    /** A request admitted: holds its place and the bytes it reserved until closed. */
    final class Admission implements AutoCloseable {

        private int reservedKib;
        private boolean closed;

        /**
         * Reserves room for {@code bytes} more of payload, or refuses the request: with a 429 while others hold the
         * room, with a 413 when the request alone needs more than there is (a retry would never pass).
         */
        void reserve(long bytes) {
            long total = (long) reservedKib * 1024 + bytes;
            if (total > MEMORY_BUDGET_BYTES) {
                throw IngestException.tooLarge("The request holds " + total + " bytes of payloads; at most "
                        + MEMORY_BUDGET_BYTES + " are read at once");
            }
            int kib = (int) Math.max(1, (bytes + 1023) / 1024);
            if (!memory.tryAcquire(kib)) {
                throw overloaded("Faultline holds as many event bytes in memory as it allows; retry later");
            }
            reservedKib += kib;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                memory.release(reservedKib);
                requests.release();
            }
        }
    }

    Admission admit() {
        if (backlogFull) {
            throw overloaded("Faultline has more events waiting to be processed than it allows; retry later");
        }
        if (!requests.tryAcquire()) {
            throw overloaded("Faultline is reading as many requests as it allows; retry later");
        }
        return new Admission();
    }

    private static IngestException overloaded(String detail) {
        return IngestException.rateLimited(detail, RETRY, "", "organization");
    }

    @Override
    public void start() {
        backlogCheck = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("intake-backlog").daemon()
                .factory());
        backlogCheck.scheduleWithFixedDelay(this::checkBacklog, 0, 1, TimeUnit.SECONDS);
    }

    private void checkBacklog() {
        try {
            boolean full = intake.backlog() > MAX_BACKLOG_ROWS;
            if (full != backlogFull) {
                log.warn(full ? "Digest backlog over {} events: ingest answers 429 until it shrinks"
                        : "Digest backlog back under {} events", MAX_BACKLOG_ROWS);
            }
            backlogFull = full;
        }
        catch (RuntimeException e) {
            log.debug("Could not count the digest backlog: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        backlogCheck.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return backlogCheck != null && !backlogCheck.isShutdown();
    }
}
