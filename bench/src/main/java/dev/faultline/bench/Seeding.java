package dev.faultline.bench;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The fast path to M4's size (say a million events in 10,000 issues): every fingerprint goes once through the real
 * ingest and digest (so every issue, hash, tag value and stored body is digest's own), then the digested event rows
 * are copied in SQL with new event ids, spread over the last 23 hours (day partitions from yesterday on exist), until
 * the table holds the target; issues' counts, first and last seen, and hourly counts are recomputed from the events.
 * Copying every row the same number of times keeps the Zipf popularity of the load. Tag value counts and project
 * statistics are left as digest made them (the measured reads only test whether a tag value exists).
 */
final class Seeding {

    private Seeding() {
    }

    /** Returns how many event rows were copied. */
    static long copyEventsUpTo(Database database, long target) throws SQLException {
        long before = database.events();
        try (Connection connection = database.open(); var statement = connection.createStatement()) {
            for (long events = database.events(); events < target; events = database.events()) {
                statement.execute("""
                        INSERT INTO events (project_id, event_id, issue_id, received_at, occurred_at, level, environment,
                                            release, user_key, hash, tags, body)
                        SELECT project_id, gen_random_uuid(), issue_id, at, at - (received_at - occurred_at), level,
                               environment, release, user_key, hash, tags, body
                        FROM (SELECT *, now() - random() * interval '23 hours' AS at FROM events
                              WHERE random() < %f) source""".formatted(Math.min(1.0, (target - events) / (double) events)));
            }
            statement.execute("""
                    UPDATE issues i SET times_seen = c.events, first_seen = c.first_seen, last_seen = c.last_seen
                    FROM (SELECT issue_id, count(*) AS events, min(received_at) AS first_seen, max(received_at) AS last_seen
                          FROM events GROUP BY issue_id) c
                    WHERE c.issue_id = i.id""");
            statement.execute("""
                    INSERT INTO issue_hourly_counts (issue_id, hour, count)
                    SELECT issue_id, date_trunc('hour', received_at), count(*) FROM events GROUP BY 1, 2
                    ON CONFLICT (issue_id, hour) DO UPDATE SET count = excluded.count""");
            statement.execute("VACUUM ANALYZE");
        }
        return database.events() - before;
    }
}
