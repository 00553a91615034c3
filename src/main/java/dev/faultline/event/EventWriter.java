package dev.faultline.event;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.faultline.stats.ProjectHours;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores a batch's events with their issue, and adds them to the aggregates pages read: tag value counts per issue,
 * hourly counts per issue and per project. Aggregates are summed in memory first and upserted in key order, one
 * statement per table.
 */
@Component
class EventWriter {

    private record TagKey(long issueId, String key, String value) {
    }

    private record TagCount(long count, Instant firstSeen, Instant lastSeen) {

        TagCount plus(Instant seen) {
            return new TagCount(count + 1, firstSeen.isBefore(seen) ? firstSeen : seen,
                    lastSeen.isAfter(seen) ? lastSeen : seen);
        }
    }

    private record HourKey(long id, Instant hour) {
    }

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    EventWriter(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    void write(List<DigestedEvent> events, Map<IssueWriter.IssueKey, Long> issueIds) {
        jdbcTemplate.batchUpdate("""
                INSERT INTO events (project_id, event_id, issue_id, received_at, occurred_at, level, environment,
                                    release, user_key, hash, tags, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", events, events.size(), (statement, event) -> {
            statement.setLong(1, event.projectId());
            statement.setObject(2, event.eventId());
            statement.setLong(3, issueId(event, issueIds));
            statement.setTimestamp(4, Timestamp.from(event.receivedAt()));
            statement.setTimestamp(5, Timestamp.from(event.occurredAt()));
            statement.setShort(6, (short) event.level().code());
            statement.setString(7, event.environment());
            statement.setString(8, event.release());
            statement.setString(9, event.userKey());
            statement.setString(10, event.hash());
            statement.setString(11, TagLines.join(event.tags()));
            statement.setBytes(12, event.body());
        });
        writeTagValues(events, issueIds);
        writeHourlyCounts(events, issueIds);
    }

    private void writeTagValues(List<DigestedEvent> events, Map<IssueWriter.IssueKey, Long> issueIds) {
        Map<TagKey, TagCount> counts = new TreeMap<>(Comparator.comparingLong(TagKey::issueId)
                .thenComparing(TagKey::key).thenComparing(TagKey::value));
        for (DigestedEvent event : events) {
            long issueId = issueId(event, issueIds);
            for (String[] tag : event.tags()) {
                counts.merge(new TagKey(issueId, tag[0], tag[1]),
                        new TagCount(1, event.receivedAt(), event.receivedAt()),
                        (sum, one) -> sum.plus(event.receivedAt()));
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        List<TagKey> keys = List.copyOf(counts.keySet());
        jdbc.sql("""
                        INSERT INTO issue_tag_values (issue_id, key, value, times_seen, first_seen, last_seen)
                        SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::timestamptz[],
                                             ?::timestamptz[])
                        ON CONFLICT (issue_id, key, value) DO UPDATE SET
                            times_seen = issue_tag_values.times_seen + excluded.times_seen,
                            first_seen = least(issue_tag_values.first_seen, excluded.first_seen),
                            last_seen = greatest(issue_tag_values.last_seen, excluded.last_seen)""")
                .params(keys.stream().map(TagKey::issueId).toArray(Long[]::new),
                        keys.stream().map(TagKey::key).toArray(String[]::new),
                        keys.stream().map(TagKey::value).toArray(String[]::new),
                        keys.stream().map(key -> counts.get(key).count()).toArray(Long[]::new),
                        keys.stream().map(key -> counts.get(key).firstSeen().toString()).toArray(String[]::new),
                        keys.stream().map(key -> counts.get(key).lastSeen().toString()).toArray(String[]::new))
                .update();
    }

    private void writeHourlyCounts(List<DigestedEvent> events, Map<IssueWriter.IssueKey, Long> issueIds) {
        Map<HourKey, Long> issueHours = new TreeMap<>(Comparator.comparingLong(HourKey::id).thenComparing(HourKey::hour));
        Map<HourKey, Long> projectHours = new TreeMap<>(Comparator.comparingLong(HourKey::id)
                .thenComparing(HourKey::hour));
        for (DigestedEvent event : events) {
            Instant hour = event.hour();
            issueHours.merge(new HourKey(issueId(event, issueIds), hour), 1L, Long::sum);
            projectHours.merge(new HourKey(event.projectId(), hour), 1L, Long::sum);
        }
        upsertHours("""
                INSERT INTO issue_hourly_counts (issue_id, hour, count)
                SELECT * FROM unnest(?::bigint[], ?::timestamptz[], ?::bigint[])
                ON CONFLICT (issue_id, hour) DO UPDATE SET count = issue_hourly_counts.count + excluded.count""",
                issueHours);
        ProjectHours.add(jdbc, projectHours.entrySet().stream()
                .map(entry -> new ProjectHours.Count(entry.getKey().id(), entry.getKey().hour(), entry.getValue()))
                .toList(), ProjectHours.ERRORS);
    }

    private void upsertHours(String sql, Map<HourKey, Long> counts) {
        List<HourKey> keys = List.copyOf(counts.keySet());
        jdbc.sql(sql)
                .params(keys.stream().map(HourKey::id).toArray(Long[]::new),
                        keys.stream().map(key -> key.hour().toString()).toArray(String[]::new),
                        keys.stream().map(counts::get).toArray(Long[]::new))
                .update();
    }

    private static long issueId(DigestedEvent event, Map<IssueWriter.IssueKey, Long> issueIds) {
        return issueIds.get(new IssueWriter.IssueKey(event.projectId(), event.hash()));
    }
}
