package dev.faultline.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Ingest load against a running Faultline with its embedded database (started by bench/run.sh): the machine's
 * ceilings, the highest sustained rate (M1) found by stepping the rate up, latency at half and all of it (M2), time to
 * visibility (M3), read latency (M4), memory (M5), disk per event (M6), CPU per event (M7) and, when asked, a burst.
 *
 * <p>Usage: {@code java -jar bench/target/faultline-bench.jar --url URL --token TOKEN --data-dir DIR --server-pid PID
 * [--mode quick|full] [--connections 64] [--burst] [--burst-connections 512] [--seed-events N]}: full mode includes
 * the burst and seeds a million events for M4. Prints a Markdown report on stdout.
 */
public final class LoadBench {

    private static final int PROJECTS = 15;

    private final Plan plan;
    private final Map<String, String> options;
    private final FaultlineApi api;
    private final Database database;
    private final ProcessMeter meter;
    private final InetSocketAddress server;
    private final String host;
    private final Report report = new Report();
    private long acceptedEvents;
    private long copiedEvents;
    private Sender.Outcome lastPassing;
    private double lastPassingDigested;

    private LoadBench(Map<String, String> options) throws Exception {
        this.options = options;
        Plan modePlan = Plan.of(options.getOrDefault("mode", "quick"));
        if (options.containsKey("start-rate")) {
            modePlan = modePlan.startingAt(Double.parseDouble(options.get("start-rate")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "30"))));
        }
        if (options.containsKey("steady")) {
            modePlan = modePlan.steadyFor(Duration.ofSeconds(Long.parseLong(options.get("steady"))));
        }
        this.plan = modePlan;
        URI url = URI.create(options.get("url"));
        this.host = url.getHost() + ":" + url.getPort();
        this.server = new InetSocketAddress(url.getHost(), url.getPort());
        this.api = new FaultlineApi(url, options.get("token"));
        Path data = Path.of(options.get("data-dir"));
        this.database = Database.embedded(data);
        this.meter = new ProcessMeter(Long.parseLong(options.get("server-pid")), data);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].substring(2);
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++i]);
        }
        new LoadBench(options).run();
    }

    private void run() throws Exception {
        int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
        List<Workload.Project> projects = api.createProjects(PROJECTS);
        var workload = Workload.generate(plan.pool(), projects, host, 42);
        report.note("Workload: " + workload.describe() + "; " + PROJECTS + " projects; " + connections
                + " keep-alive connections.");
        var sender = new Sender(server, workload, connections);

        log("idle for " + plan.idle().toSeconds() + " s");
        Thread.sleep(plan.idle());
        ProcessMeter.Memory idle = meter.memory();

        log("ceilings");
        double copyCeiling = CopyCeiling.rowsPerSecond(database, plan.ceiling(), 2);
        double httpCeiling = httpCeiling(workload, connections);

        long sizeBefore = database.vacuumedSizeBytes();
        long storedBefore = database.stored();
        meter.startPeaks();
        log("warm-up");
        send(sender, plan.startRate(), plan.warmup());
        awaitDrained(Duration.ofSeconds(60));

        double given = Double.parseDouble(options.getOrDefault("m1", "0"));
        double m1 = given > 0 ? given : findSustainedRate(sender);
        double rate = m1 > 0 ? m1 : plan.startRate();

        log("half of M1");
        ProcessMeter.Cpu beforeHalf = meter.cpu();
        Sender.Outcome atHalf = send(sender, rate / 2, plan.steady());
        ProcessMeter.Cpu halfCpu = meter.cpu().minus(beforeHalf);
        awaitDrained(Duration.ofSeconds(120));

        // M3's probes poll the API beside the mix, in a phase of their own so that M2 measures the mix alone.
        log("half of M1 with visibility probes");
        var probes = new VisibilityProbes(server, host, api, projects.getFirst());
        probes.start(plan.steady(), Duration.ofMillis(500));
        ProcessMeter.Cpu beforeProbed = meter.cpu();
        Sender.Outcome probed = send(sender, rate / 2, plan.steady());
        ProcessMeter.Cpu probedCpu = meter.cpu().minus(beforeProbed);
        Histogram visible = probes.awaitAll();
        acceptedEvents += probes.accepted.get();
        awaitDrained(Duration.ofSeconds(120));

        log("all of M1");
        ProcessMeter.Cpu before = meter.cpu();
        Sender.Outcome atM1 = send(sender, rate, plan.steady());
        ProcessMeter.Cpu m1Cpu = meter.cpu().minus(before);
        awaitDrained(Duration.ofSeconds(120));
        ProcessMeter.Cpu cpu = meter.cpu().minus(before);
        ProcessMeter.Memory peak = meter.stopPeaks();

        long stored = database.stored() - storedBefore;
        long sizeAfter = database.vacuumedSizeBytes();

        report.measure("Ceiling: PostgreSQL COPY of event rows (2 sessions)", String.format("%,.0f rows/s", copyCeiling), "");
        report.measure("Ceiling: no-op HTTP POST of the same payloads", String.format("%,.0f requests/s", httpCeiling), "");
        report.measure("M1 sustained rate, accepted (digested)", given > 0
                ? String.format("given as %,.0f events/s, not searched", given)
                : m1 > 0 ? String.format("%,.0f events/s (%,.0f)", lastPassing.acceptedPerSecond(), lastPassingDigested)
                : "none: the first step did not keep pace", "≥ 2,000 events/s");
        report.measure("M1 as a fraction of the lower ceiling", String.format("%.0f%%",
                100 * m1 / Math.min(copyCeiling, httpCeiling)), "");
        latency("M2 ingest latency at 50% of M1", "p99 ≤ 20 ms", atHalf, halfCpu);
        latency("M2 ingest latency at 100% of M1", "", atM1, m1Cpu);
        latency(String.format("Ingest latency at 50%% of M1 while M3's probes poll the API (%,.0f requests/s)",
                probes.polls.get() / probed.seconds()), "", probed, probedCpu);
        report.measure("M3 POST to visible in the event API at 50% of M1, p50 / p99",
                visible.getTotalCount() == 0 ? "n/a" : String.format("%,d ms / %,d ms (%d probes, %d never seen)",
                        visible.getValueAtPercentile(50), visible.getValueAtPercentile(99), visible.getTotalCount(),
                        probes.neverVisible.get()), "p99 ≤ 2 s");
        report.measure("M5 JVM RSS idle / peak", Report.mb(idle.jvmRss()) + " / " + Report.mb(peak.jvmRss()),
                "≤ 150 MB / ≤ 512 MB");
        report.measure("M5 PostgreSQL idle / peak, RSS (PSS)", Report.mb(idle.postgresRss()) + " (" + Report.mb(idle.postgresPss())
                + ") / " + Report.mb(peak.postgresRss()) + " (" + Report.mb(peak.postgresPss()) + ")", "");
        report.measure("M6 disk per stored event (database growth, indexes included, after VACUUM)",
                String.format("%,.0f bytes (%,d events and transactions)", (double) (sizeAfter - sizeBefore) / stored, stored),
                "≤ 2.5 KB");
        report.measure("M6 the events table alone (partitions, indexes, TOAST) per event",
                String.format("%,.0f bytes", (double) database.eventsTableBytes() / database.events()), "");
        report.measure("M7 CPU per 1,000 events at M1: server JVM + PostgreSQL", String.format("%.2f s + %.2f s",
                1000 * cpu.jvm() / atM1.ok(), 1000 * cpu.postgres() / atM1.ok()), "");

        long seedTarget = Long.parseLong(options.getOrDefault("seed-events", full() ? "1000000" : "0"));
        if (seedTarget > 0) {
            seed(projects, connections, rate, seedTarget);
        }
        readLatency();
        if (options.containsKey("burst") || full()) {
            int burstConnections = Integer.parseInt(options.getOrDefault("burst-connections", "512"));
            burst(new Sender(server, workload, burstConnections), burstConnections, rate);
        }
        awaitDrained(Duration.ofMinutes(10));
        // More stored than acknowledged: requests the server committed after the generator stopped waiting.
        long unacknowledged = database.stored() - storedBefore - copiedEvents - acceptedEvents;
        report.measure("Acknowledged events not stored (or set aside as failures) after the backlog drained",
                String.format("%,d of %,d (%,d set aside as failures; %,d stored whose answer was not awaited)",
                        Math.max(0, -unacknowledged), acceptedEvents, database.failures(), Math.max(0, unacknowledged)),
                "0");
        System.out.println(report.markdown("Ingest load, " + options.getOrDefault("mode", "quick") + " mode"));
    }

    /**
     * Steps the rate up until a step gets a non-2xx answer, is answered slower than offered, or digest falls behind (it
     * digested under 90% of what was accepted, or more than two seconds' worth waits); M1 is the last step before.
     */
    private double findSustainedRate(Sender sender) throws Exception {
        double m1 = 0;
        for (double rate = plan.startRate(); ; rate *= plan.stepFactor()) {
            log(String.format("step at %,.0f events/s", rate));
            ProcessMeter.Cpu before = meter.cpu();
            long digestedBefore = acceptedEvents - database.backlog();
            Sender.Outcome outcome = send(sender, rate, plan.step());
            long backlog = database.backlog();
            double digested = (acceptedEvents - backlog - digestedBefore) / outcome.seconds();
            boolean kept = outcome.allOk() && outcome.acceptedPerSecond() >= 0.95 * rate
                    && digested >= 0.9 * outcome.acceptedPerSecond() && backlog <= Math.max(200, 2 * rate);
            report.step(outcome, digested, backlog, meter.cpu().minus(before), kept);
            if (!kept) {
                awaitDrained(Duration.ofMinutes(5));
                return m1;
            }
            m1 = rate;
            lastPassing = outcome;
            lastPassingDigested = digested;
        }
    }

    private Sender.Outcome send(Sender sender, double rate, Duration duration) throws InterruptedException {
        Sender.Outcome outcome = sender.atRate(rate, duration, Duration.ofSeconds(30));
        acceptedEvents += outcome.ok();
        return outcome;
    }

    private double httpCeiling(Workload workload, int connections) throws Exception {
        try (var noop = new NoopHttpServer()) {
            var sender = new Sender(noop.address(), workload, connections);
            sender.atMaxRate(Duration.ofSeconds(2));
            Sender.Outcome outcome = sender.atMaxRate(plan.ceiling());
            return outcome.ok() / outcome.seconds();
        }
    }

    /** With the cores other processes took meanwhile: on a shared machine they move the tail most. */
    private void latency(String name, String goal, Sender.Outcome outcome, ProcessMeter.Cpu cpu) {
        report.measure(name + String.format(" (%,.0f/s), p50 / p99 / p99.9", outcome.offeredPerSecond()),
                Report.ms(outcome.latency(), 50) + " / " + Report.ms(outcome.latency(), 99) + " / "
                        + Report.ms(outcome.latency(), 99.9) + (outcome.allOk() ? "" : " (not all 2xx)")
                        + String.format("; other processes %.2f cores", cpu.others() / outcome.seconds()), goal);
    }

    /** Every fingerprint once through ingest and digest at twice M1, then digested rows copied up to the target. */
    private void seed(List<Workload.Project> projects, int connections, double rate, long target) throws Exception {
        log(String.format("seeding %,d events", target));
        long start = System.nanoTime();
        var everyIssue = Workload.everyFingerprint(projects, host);
        int count = everyIssue.requests().size();
        send(new Sender(server, everyIssue, connections), 2 * rate, Duration.ofMillis((long) (1000 * count / (2 * rate))));
        awaitDrained(Duration.ofMinutes(10));
        double ingested = (System.nanoTime() - start) / 1e9;
        copiedEvents = Seeding.copyEventsUpTo(database, target);
        report.note(String.format("M4 seeding: %,d events (one per fingerprint) through ingest and digest in %.0f s, then"
                + " digested rows copied in SQL to %,d events in %.0f s more (bench/.../Seeding.java).", count,
                ingested, database.events(), (System.nanoTime() - start) / 1e9 - ingested));
    }

    private void readLatency() throws Exception {
        String size = String.format("%,d events in %,d issues", database.events(), database.issues());
        for (Map.Entry<String, Histogram> read : ReadLatency.measure(api, plan.reads()).entrySet()) {
            report.measure("M4 " + read.getKey() + ", p50 / p95 (" + size + ")",
                    Report.ms(read.getValue(), 50) + " / " + Report.ms(read.getValue(), 95), "p95 ≤ 50 ms");
        }
    }

    /**
     * Ten times M1 from many clients (more connections than the server admits at once, as many SDKs would open): what
     * cannot be taken must get 429 with Retry-After; then the time until the backlog is gone.
     */
    private void burst(Sender sender, int connections, double m1) throws Exception {
        log("burst at ten times M1");
        meter.startPeaks();
        Sender.Outcome burst = send(sender, 10 * m1, plan.burst());
        long backlog = database.backlog();
        long drainStart = System.nanoTime();
        awaitDrained(Duration.ofMinutes(10));
        double drain = (System.nanoTime() - drainStart) / 1e9;
        ProcessMeter.Memory peak = meter.stopPeaks();
        report.measure(String.format("Burst: %,.0f/s for %d s: 2xx / 429 (without Retry-After) / other / no answer",
                        10 * m1, plan.burst().toSeconds()),
                String.format("%,d / %,d (%,d) / %,d / %,d; p99 %s; %d connections", burst.ok(), burst.tooMany(),
                        burst.tooManyWithoutRetryAfter(), burst.otherStatus(),
                        burst.scheduled() - burst.ok() - burst.tooMany() - burst.otherStatus(),
                        Report.ms(burst.latency(), 99), connections),
                "429s with Retry-After, no other failures");
        report.measure("Burst: backlog at its end, drain time, peak JVM RSS",
                String.format("%,d events, %.1f s, %s", backlog, drain, Report.mb(peak.jvmRss())), "");
    }

    private boolean full() {
        return "full".equals(options.get("mode"));
    }

    private void awaitDrained(Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (database.backlog() > 0 && System.nanoTime() < end) {
            Thread.sleep(250);
        }
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
