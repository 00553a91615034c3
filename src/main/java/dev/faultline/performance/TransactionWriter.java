package dev.faultline.performance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.faultline.stats.ProjectHours;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores transactions and their per-minute statistics per transaction name (count, total, shortest and longest
 * duration, failures), summed in memory and upserted in key order.
 */
@Component
public class TransactionWriter {

    private record MinuteKey(long projectId, String name, Instant minute) {
    }

    private record MinuteStats(long count, double sum, double min, double max, long errors) {

        MinuteStats plus(TransactionRecord record) {
            return new MinuteStats(count + 1, sum + record.durationMs(), Math.min(min, record.durationMs()),
                    Math.max(max, record.durationMs()), errors + (record.failed() ? 1 : 0));
        }
    }

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    TransactionWriter(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    public void write(List<TransactionRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO transactions (project_id, event_id, received_at, started_at, name, op, duration_ms,
                                          status, trace_id, environment, release, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", records, records.size(), (statement, record) -> {
            statement.setLong(1, record.projectId());
            statement.setObject(2, record.eventId());
            statement.setTimestamp(3, Timestamp.from(record.receivedAt()));
            statement.setTimestamp(4, Timestamp.from(record.startedAt()));
            statement.setString(5, record.name());
            statement.setString(6, record.op());
            statement.setDouble(7, record.durationMs());
            statement.setString(8, record.status());
            statement.setString(9, record.traceId());
            statement.setString(10, record.environment());
            statement.setString(11, record.release());
            statement.setBytes(12, record.body());
        });
        writeMinuteStats(records);
        record ProjectHour(long projectId, Instant hour) {
        }
        ProjectHours.add(jdbc, records.stream()
                .collect(Collectors.groupingBy(record -> new ProjectHour(record.projectId(),
                        record.receivedAt().truncatedTo(ChronoUnit.HOURS)), Collectors.counting()))
                .entrySet().stream()
                .map(entry -> new ProjectHours.Count(entry.getKey().projectId(), entry.getKey().hour(), entry.getValue()))
                .toList(), ProjectHours.TRANSACTIONS);
    }

    private void writeMinuteStats(List<TransactionRecord> records) {
        Map<MinuteKey, MinuteStats> stats = new TreeMap<>(Comparator.comparingLong(MinuteKey::projectId)
                .thenComparing(MinuteKey::name).thenComparing(MinuteKey::minute));
        for (TransactionRecord record : records) {
            stats.merge(new MinuteKey(record.projectId(), record.name(), record.receivedAt().truncatedTo(ChronoUnit.MINUTES)),
                    new MinuteStats(0, 0, Double.MAX_VALUE, 0, 0).plus(record),
                    (sum, one) -> sum.plus(record));
        }
        List<MinuteKey> keys = List.copyOf(stats.keySet());
        jdbc.sql("""
                        INSERT INTO transaction_minute_stats
                            (project_id, name, minute, count, duration_sum, duration_min, duration_max, errors)
                        SELECT * FROM unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::bigint[], ?::float8[],
                                             ?::float8[], ?::float8[], ?::bigint[])
                        ON CONFLICT (project_id, name, minute) DO UPDATE SET
                            count = transaction_minute_stats.count + excluded.count,
                            duration_sum = transaction_minute_stats.duration_sum + excluded.duration_sum,
                            duration_min = least(transaction_minute_stats.duration_min, excluded.duration_min),
                            duration_max = greatest(transaction_minute_stats.duration_max, excluded.duration_max),
                            errors = transaction_minute_stats.errors + excluded.errors""")
                .params(keys.stream().map(MinuteKey::projectId).toArray(Long[]::new),
                        keys.stream().map(MinuteKey::name).toArray(String[]::new),
                        keys.stream().map(key -> key.minute().toString()).toArray(String[]::new),
                        keys.stream().map(key -> stats.get(key).count()).toArray(Long[]::new),
                        keys.stream().map(key -> stats.get(key).sum()).toArray(Double[]::new),
                        keys.stream().map(key -> stats.get(key).min()).toArray(Double[]::new),
                        keys.stream().map(key -> stats.get(key).max()).toArray(Double[]::new),
                        keys.stream().map(key -> stats.get(key).errors()).toArray(Long[]::new))
                .update();
    }
}
