package dev.faultline.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The default mix, pre-generated: 60% errors of about 8 KB, 20% log messages of about 1.5 KB, 10% large errors of
 * about 50 KB, 10% transactions of about 6 KB with 20 spans; 70% gzip-compressed; spread over the projects, with
 * 10,000 fingerprints (8,000 error stacks, 2,000 log messages) whose popularity follows Zipf's law, so that a few
 * issues get most events.
 */
final class Workload {

    static final int FINGERPRINTS = 10_000;
    private static final int LOG_FINGERPRINTS = 2_000;
    private static final int TRANSACTION_NAMES = 300;

    record Project(long id, String slug, String publicKey) {
    }

    private final List<PreparedRequest> requests;

    private Workload(List<PreparedRequest> requests) {
        this.requests = requests;
    }

    static Workload generate(int size, List<Project> projects, String host, long seed) {
        var random = new Random(seed);
        var bodies = new EventBodies(random);
        var errorRanks = new Zipf(FINGERPRINTS - LOG_FINGERPRINTS, random);
        var logRanks = new Zipf(LOG_FINGERPRINTS, random);
        var transactionRanks = new Zipf(TRANSACTION_NAMES, random);
        double now = System.currentTimeMillis() / 1000.0;
        List<PreparedRequest> requests = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int draw = random.nextInt(100);
            PreparedRequest.Kind kind;
            int number;
            String json;
            if (draw < 60) {
                kind = PreparedRequest.Kind.ERROR;
                number = errorRanks.next();
                json = bodies.error(number);
            }
            else if (draw < 80) {
                kind = PreparedRequest.Kind.LOG_MESSAGE;
                number = FINGERPRINTS - LOG_FINGERPRINTS + logRanks.next();
                json = bodies.logMessage(number);
            }
            else if (draw < 90) {
                kind = PreparedRequest.Kind.LARGE_ERROR;
                number = errorRanks.next();
                json = bodies.largeError(number);
            }
            else {
                kind = PreparedRequest.Kind.TRANSACTION;
                number = transactionRanks.next();
                json = bodies.transaction(number, now);
            }
            requests.add(request(kind, number, json, projects, host, random.nextInt(10) < 7));
        }
        return new Workload(requests);
    }

    /** One error per error fingerprint and one log message per message fingerprint: every issue of the mix once. */
    static Workload everyFingerprint(List<Project> projects, String host) {
        var bodies = new EventBodies(new Random(1));
        List<PreparedRequest> requests = new ArrayList<>(FINGERPRINTS);
        for (int number = 0; number < FINGERPRINTS; number++) {
            boolean log = number >= FINGERPRINTS - LOG_FINGERPRINTS;
            requests.add(request(log ? PreparedRequest.Kind.LOG_MESSAGE : PreparedRequest.Kind.ERROR, number,
                    log ? bodies.logMessage(number) : bodies.error(number), projects, host, true));
        }
        return new Workload(requests);
    }

    private static PreparedRequest request(PreparedRequest.Kind kind, int number, String json, List<Project> projects,
            String host, boolean gzip) {
        Project project = projects.get(number % projects.size());
        return new PreparedRequest(kind, host, project.id(), project.publicKey(), json, gzip);
    }

    PreparedRequest get(long sequence) {
        return requests.get((int) (sequence % requests.size()));
    }

    List<PreparedRequest> requests() {
        return requests;
    }

    /** A line for the report: how the pool came out. */
    String describe() {
        var line = new StringBuilder();
        for (PreparedRequest.Kind kind : PreparedRequest.Kind.values()) {
            List<PreparedRequest> ofKind = requests.stream().filter(request -> request.kind == kind).toList();
            if (!ofKind.isEmpty()) {
                line.append(String.format("%s %d%% avg %.1f KB; ", kind.name().toLowerCase().replace('_', ' '),
                        Math.round(100.0 * ofKind.size() / requests.size()),
                        ofKind.stream().mapToInt(PreparedRequest::envelopeBytes).average().orElse(0) / 1024));
            }
        }
        long gzipped = requests.stream().filter(request -> request.gzip).count();
        double wire = requests.stream().mapToInt(PreparedRequest::wireBytes).average().orElse(0);
        return line.append(String.format("gzip %d%%; avg %.1f KB on the wire", Math.round(100.0 * gzipped / requests.size()),
                wire / 1024)).toString();
    }

    /** Ranks 0..n-1 with probability proportional to 1/(rank+1). */
    private static final class Zipf {

        private final double[] cumulative;
        private final Random random;

        Zipf(int n, Random random) {
            this.random = random;
            cumulative = new double[n];
            double sum = 0;
            for (int rank = 0; rank < n; rank++) {
                sum += 1.0 / (rank + 1);
                cumulative[rank] = sum;
            }
            for (int rank = 0; rank < n; rank++) {
                cumulative[rank] /= sum;
            }
        }

        int next() {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(index >= 0 ? index : -index - 1, cumulative.length - 1);
        }
    }
}
