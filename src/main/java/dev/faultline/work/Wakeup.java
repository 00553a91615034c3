package dev.faultline.work;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a worker of this instance at once when there is work for it (rows committed, deliveries queued); work that
 * other instances make is found by the worker's polling.
 */
public final class Wakeup {

    private final Semaphore signals = new Semaphore(0);

    public void signal() {
        if (signals.availablePermits() == 0) {
            signals.release();
        }
    }

    /** Waits for a signal or the timeout; signals that came meanwhile are used up. */
    public void await(Duration timeout) throws InterruptedException {
        if (signals.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            signals.drainPermits();
        }
    }
}
