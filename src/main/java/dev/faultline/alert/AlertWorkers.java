package dev.faultline.alert;

import java.time.Duration;
import java.time.Instant;

import dev.faultline.work.Wakeup;
import dev.faultline.work.WorkerThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two threads per instance: one evaluates triggers into deliveries (woken by this instance's digest, polling for
 * the others'), one sends due deliveries and forgets those finished 30 days ago. Both keep going through database
 * failures, trying again shortly.
 */
@Component
class AlertWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertWorkers.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration LOG_KEPT = Duration.ofDays(30);
    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);

    private final AlertEvaluator evaluator;
    private final AlertDelivery delivery;
    private final DeliveryQueue queue;
    private final Wakeup evaluation;
    private final Wakeup sending = new Wakeup();
    private final WorkerThreads threads = new WorkerThreads();

    AlertWorkers(AlertEvaluator evaluator, AlertDelivery delivery, DeliveryQueue queue, Wakeup evaluation) {
        this.evaluator = evaluator;
        this.delivery = delivery;
        this.queue = queue;
        this.evaluation = evaluation;
    }

    /** Asks the sending thread to look for due deliveries once the current transaction has committed them. */
    void sendAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            sending.signal();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sending.signal();
            }
        });
    }

    @Override
    public void start() {
        threads.start("alert-evaluator", this::evaluate);
        threads.start("alert-delivery", this::deliver);
    }

    private void evaluate() {
        while (threads.running()) {
            try {
                int queued = evaluator.evaluateOnce();
                if (queued > 0) {
                    sending.signal();
                }
                if (queued < 0) {
                    evaluation.await(POLL);
                }
            }
            catch (InterruptedException e) {
                return;
            }
            catch (RuntimeException e) {
                log.warn("Alert evaluation failed ({}); trying again shortly", e.toString());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private void deliver() {
        Instant nextCleanup = Instant.now();
        while (threads.running()) {
            try {
                if (Instant.now().isAfter(nextCleanup)) {
                    queue.forgetFinishedBefore(Instant.now().minus(LOG_KEPT));
                    nextCleanup = Instant.now().plus(CLEANUP_EVERY);
                }
                if (delivery.deliverOnce() == 0) {
                    sending.await(POLL);
                }
            }
            catch (InterruptedException e) {
                return;
            }
            catch (RuntimeException e) {
                log.warn("Alert delivery failed ({}); trying again shortly", e.toString());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL);
            return true;
        }
        catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        threads.stop(Duration.ofSeconds(20));
    }

    @Override
    public boolean isRunning() {
        return threads.running();
    }

    /** Stops with the digest workers, before the database. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
