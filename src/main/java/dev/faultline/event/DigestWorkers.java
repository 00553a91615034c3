package dev.faultline.event;

import java.time.Duration;

import dev.faultline.ingest.IntakeQueue;
import dev.faultline.work.WorkerThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The threads that turn the intake into issues and events, batch after batch, each batch one transaction. Woken at
 * once when this instance commits new intake rows, and polling for those of other instances. A batch that fails is
 * retried one row at a time; a row that fails alone is set aside with its error, so one bad event never stalls the
 * rest.
 */
@Component
class DigestWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestWorkers.class);
    static final int BATCH_SIZE = 200;
    private static final int WORKERS = 2;
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(50);
    /**
     * How long a worker lets rows gather after a batch that stopped short of its bounds. Every batch pays a dozen
     * statements, a commit and an update of each of its issues, whatever its size: under load, batches of a few
     * events spent most of digest's database time on that. An event that arrives while both workers are idle is
     * taken at once.
     */
    private static final Duration LINGER = Duration.ofMillis(100);

    private final Digest digest;
    private final IntakeQueue intake;
    private final TransactionTemplate transaction;
    private final WorkerThreads threads = new WorkerThreads();

    DigestWorkers(Digest digest, IntakeQueue intake, TransactionTemplate transaction) {
        this.digest = digest;
        this.intake = intake;
        this.transaction = transaction;
    }

    @Override
    public void start() {
        for (int i = 0; i < WORKERS; i++) {
            threads.start("digest-" + i, this::run);
        }
    }

    @Override
    public void stop() {
        threads.stop(Duration.ofSeconds(30));
    }

    @Override
    public boolean isRunning() {
        return threads.running();
    }

    /** Stops before the intake writers (lower phase) and the database. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private void run() {
        while (threads.running()) {
            Duration pause = Duration.ZERO;
            try {
                Digest.Claimed claimed = digestOnce(BATCH_SIZE);
                if (claimed.rows() == 0) {
                    intake.awaitRows(IDLE_POLL);
                }
                else if (!claimed.full()) {
                    pause = LINGER;
                }
            }
            catch (InterruptedException e) {
                return;
            }
            catch (Digest.Failure e) {
                if (isPassing(e)) {
                    log.info("A digest batch met a passing conflict ({}); taking it again", e.getCause().toString());
                    pause = RETRY_PAUSE;
                }
                else {
                    log.warn("A digest batch failed ({}); digesting its rows one by one", e.getCause().toString());
                    isolate();
                    pause = IDLE_POLL;
                }
            }
            catch (RuntimeException e) {
                log.warn("Digest cannot work now ({}); trying again shortly", e.toString());
                pause = IDLE_POLL;
            }
            if (!sleep(pause)) {
                return;
            }
        }
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        }
        catch (InterruptedException e) {
            return false;
        }
    }

    /** A deadlock or a lost connection: nothing wrong with the rows, so they are tried again as they are. */
    private static boolean isPassing(Digest.Failure failure) {
        return failure.getCause() instanceof TransientDataAccessException
                || failure.getCause() instanceof RecoverableDataAccessException;
    }

    private Digest.Claimed digestOnce(int limit) {
        return transaction.execute(status -> digest.digestBatch(limit));
    }

    private void isolate() {
        for (int i = 0; i < BATCH_SIZE && threads.running(); i++) {
            try {
                if (digestOnce(1).rows() == 0) {
                    return;
                }
            }
            catch (Digest.Failure e) {
                if (isPassing(e)) {
                    log.warn("Digest of intake row {} failed for now ({}); retrying later", e.rowIds(),
                            e.getCause().toString());
                    return;
                }
                log.error("An intake row cannot be digested and is set aside in intake_failures", e.getCause());
                try {
                    transaction.executeWithoutResult(status -> digest.setAside(e.rowIds().getFirst(), e.getCause()));
                }
                catch (RuntimeException again) {
                    log.error("Could not set the row aside: {}", again.toString());
                    return;
                }
            }
            catch (RuntimeException e) {
                // Not the rows' fault (the database went away, say): they stay in the intake for a later try.
                log.warn("Digest failed outside any row ({}); retrying later", e.toString());
                return;
            }
        }
    }
}
