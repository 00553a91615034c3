package dev.faultline.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A feature's background threads: started with it, and stopped with it by interrupting them and waiting a while for
 * each to finish its current step. Their loops run while {@link #running()}.
 */
public final class WorkerThreads {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** Starts a platform daemon thread with this name running {@code work}. */
    public void start(String name, Runnable work) {
        running = true;
        threads.add(Thread.ofPlatform().name(name).daemon().start(work));
    }

    public boolean running() {
        return running;
    }

    /** Tells the loops to end, interrupts their waits and waits up to {@code patience} for each thread. */
    public void stop(Duration patience) {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(patience);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }
}
