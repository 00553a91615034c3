package dev.faultline.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * Time from an event's POST to the event being readable through the API: probe events with fingerprints of their
 * own, sent beside the load, each polled every 50 ms until the event API answers 200.
 */
final class VisibilityProbes {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final InetSocketAddress server;
    private final String host;
    private final FaultlineApi api;
    private final Workload.Project project;
    private final Histogram millis = new Histogram(GIVE_UP.toMillis(), 3);
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong neverVisible = new AtomicLong();
    final AtomicLong polls = new AtomicLong();
    private final List<Thread> probes = new ArrayList<>();
    private Thread starter;

    VisibilityProbes(InetSocketAddress server, String host, FaultlineApi api, Workload.Project project) {
        this.server = server;
        this.host = host;
        this.api = api;
        this.project = project;
    }

    /** Starts one probe every {@code interval} for {@code duration}, in the background. */
    void start(Duration duration, Duration interval) {
        starter = Thread.ofVirtual().start(() -> {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                probes.add(Thread.ofVirtual().start(this::probe));
                try {
                    Thread.sleep(interval);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Waits for every probe to be seen or given up; returns the times to visible in milliseconds. */
    Histogram awaitAll() throws InterruptedException {
        starter.join();
        for (Thread probe : probes) {
            probe.join();
        }
        return millis;
    }

    private int poll(String eventId) throws IOException, InterruptedException {
        polls.incrementAndGet();
        return api.eventStatus(project.slug(), eventId);
    }

    private void probe() {
        String eventId = Sender.newEventId();
        String json = "{\"platform\":\"java\",\"level\":\"error\",\"fingerprint\":[\"probe-" + eventId + "\"],"
                + "\"message\":{\"formatted\":\"Visibility probe " + eventId + "\"},";
        var request = new PreparedRequest(PreparedRequest.Kind.PROBE, host, project.id(), project.publicKey(), json, false);
        long start = System.nanoTime();
        try (var connection = new HttpConnection(server)) {
            if (connection.send(request, eventId, System.currentTimeMillis()).status() != 200) {
                return;
            }
            accepted.incrementAndGet();
            while (poll(eventId) != 200) {
                if (System.nanoTime() - start > GIVE_UP.toNanos()) {
                    neverVisible.incrementAndGet();
                    return;
                }
                Thread.sleep(POLL);
            }
            synchronized (millis) {
                millis.recordValue(Math.min(GIVE_UP.toMillis(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            }
        }
        catch (IOException | InterruptedException e) {
            neverVisible.incrementAndGet();
        }
    }
}
