package dev.faultline.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * Sends the workload over a fixed number of keep-alive connections, either at a constant arrival rate (open loop:
 * each request has a scheduled time, and its latency counts from then, so time spent queued behind a slow server is
 * measured, not hidden) or as fast as the connections allow (closed loop, for ceilings and seeding).
 */
final class Sender {

    private static final long NO_MORE = Long.MIN_VALUE;

    /** What a run got back. Latency in microseconds from the scheduled send time to the whole answer. */
    record Outcome(double offeredPerSecond, double seconds, long scheduled, long ok, long tooMany,
                   long tooManyWithoutRetryAfter, long otherStatus, long failed, Histogram latency) {

        double acceptedPerSecond() {
            return ok / seconds;
        }

        boolean allOk() {
            return ok == scheduled;
        }
    }

    private final InetSocketAddress server;
    private final Workload workload;
    private final int connections;
    private final AtomicLong sequence = new AtomicLong();

    Sender(InetSocketAddress server, Workload workload, int connections) {
        this.server = server;
        this.workload = workload;
        this.connections = connections;
    }

    Outcome atRate(double perSecond, Duration duration, Duration drainLimit) throws InterruptedException {
        BlockingQueue<Long> tickets = new LinkedBlockingQueue<>();
        var tally = new Tally();
        long start = System.nanoTime();
        List<Thread> workers = startWorkers(() -> tickets.take(), tally);
        long interval = (long) (1e9 / perSecond);
        long end = start + duration.toNanos();
        long scheduled = 0;
        for (long due = start; due < end; due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            tickets.add(due);
            scheduled++;
        }
        workers.forEach(worker -> tickets.add(NO_MORE));
        long deadline = System.nanoTime() + drainLimit.toNanos();
        for (Thread worker : workers) {
            worker.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        // Past the drain limit, what is still queued or in flight counts as not answered.
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(5));
        }
        return tally.outcome(perSecond, start, scheduled);
    }

    Outcome atMaxRate(Duration duration) throws InterruptedException {
        var tally = new Tally();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicLong scheduled = new AtomicLong();
        List<Thread> workers = startWorkers(() -> {
            long now = System.nanoTime();
            if (now >= end) {
                return NO_MORE;
            }
            scheduled.incrementAndGet();
            return now;
        }, tally);
        for (Thread worker : workers) {
            worker.join();
        }
        return tally.outcome(0, start, scheduled.get());
    }

    private interface Tickets {
        long next() throws InterruptedException;
    }

    private List<Thread> startWorkers(Tickets tickets, Tally tally) {
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(Thread.ofVirtual().start(() -> work(tickets, tally)));
        }
        return workers;
    }

    private void work(Tickets tickets, Tally tally) {
        var histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        try (var connection = new HttpConnection(server)) {
            for (long due = tickets.next(); due != NO_MORE; due = tickets.next()) {
                PreparedRequest request = workload.get(sequence.getAndIncrement());
                try {
                    HttpConnection.Response response = connection.send(request, newEventId(), System.currentTimeMillis());
                    tally.count(response);
                }
                catch (IOException e) {
                    tally.failed.incrementAndGet();
                }
                histogram.recordValue(Math.min(histogram.getHighestTrackableValue(),
                        (System.nanoTime() - due) / 1000));
                tally.lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
            }
        }
        catch (InterruptedException e) {
            // the drain limit passed
        }
        finally {
            tally.add(histogram);
        }
    }

    static String newEventId() {
        var random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }

    private static final class Tally {

        final AtomicLong ok = new AtomicLong();
        final AtomicLong tooMany = new AtomicLong();
        final AtomicLong tooManyWithoutRetryAfter = new AtomicLong();
        final AtomicLong otherStatus = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong lastAnswer = new AtomicLong();
        private final Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);

        void count(HttpConnection.Response response) {
            if (response.status() / 100 == 2) {
                ok.incrementAndGet();
            }
            else if (response.status() == 429) {
                tooMany.incrementAndGet();
                if (!response.retryAfter()) {
                    tooManyWithoutRetryAfter.incrementAndGet();
                }
            }
            else {
                otherStatus.incrementAndGet();
            }
        }

        synchronized void add(Histogram histogram) {
            latency.add(histogram);
        }

        synchronized Outcome outcome(double offered, long start, long scheduled) {
            double seconds = (Math.max(lastAnswer.get(), start + 1) - start) / 1e9;
            return new Outcome(offered, seconds, scheduled, ok.get(), tooMany.get(), tooManyWithoutRetryAfter.get(),
                    otherStatus.get(), failed.get(), latency.copy());
        }
    }
}
