package dev.faultline.stats;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Events and transactions accepted per project and hour, for charts and statistics. */
public final class ProjectHours {

    public static final int ERRORS = 1;
    public static final int TRANSACTIONS = 2;

    /** One project's count for one hour. */
    public record Count(long projectId, Instant hour, long count) {
    }

    private ProjectHours() {
    }

    /** Adds the counts, in key order, as {@link #ERRORS} (and messages) or {@link #TRANSACTIONS}. */
    public static void add(JdbcClient jdbc, List<Count> counts, int kind) {
        if (counts.isEmpty()) {
            return;
        }
        List<Count> sorted = counts.stream()
                .sorted(Comparator.comparingLong(Count::projectId).thenComparing(Count::hour)).toList();
        jdbc.sql("""
                        INSERT INTO project_hourly_counts (project_id, hour, kind, count)
                        SELECT p, h, ?, c FROM unnest(?::bigint[], ?::timestamptz[], ?::bigint[]) AS v(p, h, c)
                        ON CONFLICT (project_id, hour, kind) DO UPDATE
                        SET count = project_hourly_counts.count + excluded.count""")
                .params(kind, sorted.stream().map(Count::projectId).toArray(Long[]::new),
                        sorted.stream().map(count -> count.hour().toString()).toArray(String[]::new),
                        sorted.stream().map(Count::count).toArray(Long[]::new))
                .update();
    }
}
