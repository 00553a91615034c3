package dev.faultline.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * M4: the issue list (default sort, a tag filter, free text) and the most recent issue with its events, read one
 * request at a time after three unmeasured ones, as a person paging through them would.
 */
final class ReadLatency {

    private static final int UNMEASURED = 3;

    private ReadLatency() {
    }

    /** Latency in microseconds by what was read. */
    static Map<String, Histogram> measure(FaultlineApi api, int samples) throws IOException, InterruptedException {
        String issues = "/api/0/organizations/" + FaultlineApi.ORGANIZATION + "/issues/";
        String topIssue = api.firstIssueId(api.get(issues).body());
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("issue list, default sort", issues);
        reads.put("issue list, tag filter region:eu-west-1", issues + "?query=region%3Aeu-west-1");
        reads.put("issue list, free text \"payment\"", issues + "?query=payment");
        reads.put("issue (most recent)", "/api/0/issues/" + topIssue + "/");
        reads.put("issue's events", "/api/0/issues/" + topIssue + "/events/");
        Map<String, Histogram> latency = new LinkedHashMap<>();
        for (Map.Entry<String, String> read : reads.entrySet()) {
            var micros = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
            for (int i = 0; i < samples + UNMEASURED; i++) {
                long start = System.nanoTime();
                int status = api.get(read.getValue()).statusCode();
                if (status != 200) {
                    throw new IllegalStateException(read.getValue() + " answered " + status);
                }
                if (i >= UNMEASURED) {
                    micros.recordValue((System.nanoTime() - start) / 1000);
                }
            }
            latency.put(read.getKey(), micros);
        }
        return latency;
    }
}
