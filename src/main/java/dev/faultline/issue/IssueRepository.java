package dev.faultline.issue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.faultline.event.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for issues. Callers pass the project ids the caller may read; nothing here checks access. */
@Repository
class IssueRepository {

    /** A listed issue with its priority score, which the list may be sorted by and pages on. */
    record Ranked(Issue issue, double priority) {
    }

    /** An issue with the organization its project belongs to, for checking access to an issue named by id. */
    record Located(Issue issue, long organizationId) {
    }

    static final String COLUMNS = """
            i.id, i.project_id, i.short_id, i.type, i.title, i.culprit, i.metadata::text AS metadata, i.level,
            i.platform, i.status, i.regressed, i.times_seen, i.users_seen, i.first_seen, i.last_seen,
            i.first_release, i.last_release, i.resolved_at, i.assignee_id, i.ignored_until, i.ignored_until_count""";

    private final JdbcClient jdbc;

    IssueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Located> locate(long issueId) {
        return jdbc.sql("SELECT " + COLUMNS + ", p.organization_id FROM issues i JOIN projects p ON p.id = i.project_id "
                        + "WHERE i.id = ?")
                .param(issueId)
                .query((rs, row) -> new Located(map(rs, row), rs.getLong("organization_id"))).optional();
    }

    List<Issue> find(Collection<Long> projectIds, Collection<Long> issueIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issues i WHERE i.project_id = ANY (?) AND i.id = ANY (?) "
                        + "ORDER BY i.id")
                .params(projectIds.toArray(Long[]::new), issueIds.toArray(Long[]::new))
                .query(IssueRepository::map).list();
    }

    /** The issue shown as {@code SLUG-N}, among these projects. */
    Optional<Long> idOfShortId(Collection<Long> projectIds, String projectSlug, long shortId) {
        return jdbc.sql("""
                        SELECT i.id FROM issues i JOIN projects p ON p.id = i.project_id
                        WHERE i.project_id = ANY (?) AND lower(p.slug) = lower(?) AND i.short_id = ?""")
                .params(projectIds.toArray(Long[]::new), projectSlug, shortId).query(Long.class).optional();
    }

    Optional<Long> idOfEvent(Collection<Long> projectIds, UUID eventId) {
        return jdbc.sql("SELECT issue_id FROM events WHERE project_id = ANY (?) AND event_id = ? LIMIT 1")
                .params(projectIds.toArray(Long[]::new), eventId).query(Long.class).optional();
    }

    /** Runs a list query built by {@link IssueListSql}. */
    List<Ranked> list(IssueListSql.Query query) {
        return jdbc.sql(query.sql()).params(query.params())
                .query((rs, row) -> new Ranked(map(rs, row), rs.getDouble("priority"))).list();
    }

    List<Long> listIds(IssueListSql.Query query) {
        return jdbc.sql(query.sql()).params(query.params()).query(Long.class).list();
    }

    long count(IssueListSql.Query query) {
        return jdbc.sql(query.sql()).params(query.params()).query(Long.class).single();
    }

    /** Events per hour of each issue from {@code since}, as hour → count. */
    Map<Long, Map<Instant, Long>> hourlyCounts(Collection<Long> issueIds, Instant since) {
        Map<Long, Map<Instant, Long>> counts = new HashMap<>();
        if (issueIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT issue_id, hour, count FROM issue_hourly_counts WHERE issue_id = ANY (?) AND hour >= ?")
                .params(issueIds.toArray(Long[]::new), Timestamp.from(since))
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                            .put(rs.getTimestamp(2).toInstant(), rs.getLong(3));
                });
        return counts;
    }

    /** Events of each issue in the hours from {@code start} to {@code end} (null: until now). */
    Map<Long, Long> countsBetween(Collection<Long> issueIds, Instant start, Instant end) {
        Map<Long, Long> counts = new HashMap<>();
        if (issueIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        SELECT issue_id, sum(count) FROM issue_hourly_counts
                        WHERE issue_id = ANY (?) AND hour >= date_trunc('hour', ?::timestamptz)
                          AND (?::timestamptz IS NULL OR hour < ?::timestamptz)
                        GROUP BY issue_id""")
                .params(issueIds.toArray(Long[]::new), Timestamp.from(start), timestamp(end), timestamp(end))
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /** What users wrote about the issue's events in the feedback form, newest first. */
    List<UserReport> userReports(long issueId) {
        return jdbc.sql("""
                        SELECT f.id, f.event_id, f.name, f.email, f.comments, f.received_at FROM user_feedback f
                        JOIN events e ON e.project_id = f.project_id AND e.event_id = f.event_id
                        WHERE e.issue_id = ? ORDER BY f.received_at DESC, f.id DESC""")
                .param(issueId)
                .query((rs, row) -> new UserReport(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /**
     * Sets the status of these issues; returns the ids whose status it changed. An ignored issue comes back at
     * {@code ignoredUntil} or after {@code moreEvents} more events (either may be null).
     */
    List<Long> setStatus(Collection<Long> issueIds, String status, Instant ignoredUntil, Long moreEvents) {
        return jdbc.sql("""
                        UPDATE issues SET status = ?,
                            resolved_at = CASE WHEN ? = 'resolved' THEN now() ELSE NULL END,
                            regressed = CASE WHEN ? = 'unresolved' THEN regressed ELSE false END,
                            ignored_until = ?, ignored_until_count = times_seen + ?::bigint
                        WHERE id = ANY (?) AND (status <> ? OR ? = 'ignored')
                        RETURNING id""")
                .params(status, status, status, ignoredUntil == null ? null : Timestamp.from(ignoredUntil),
                        moreEvents, issueIds.toArray(Long[]::new), status, status)
                .query(Long.class).list();
    }

    /** Assigns these issues to the user (null: to nobody); returns the ids whose assignee changed. */
    List<Long> assign(Collection<Long> issueIds, Long userId) {
        return jdbc.sql("""
                        UPDATE issues SET assignee_id = ?
                        WHERE id = ANY (?) AND assignee_id IS DISTINCT FROM ? RETURNING id""")
                .params(userId, issueIds.toArray(Long[]::new), userId).query(Long.class).list();
    }

    void delete(Collection<Long> issueIds) {
        jdbc.sql("DELETE FROM issues WHERE id = ANY (?)").param(issueIds.toArray(Long[]::new)).update();
    }

    /** The values of the issue's tags, most seen first, each key's top {@code top}, with each key's total. */
    List<TagValue> tagValues(long issueId, String key, int top) {
        return jdbc.sql("""
                        SELECT key, value, times_seen, first_seen, last_seen, total, distinct_values FROM (
                            SELECT t.*, row_number() OVER (PARTITION BY key ORDER BY times_seen DESC, value) AS rank,
                                   sum(times_seen) OVER (PARTITION BY key) AS total,
                                   count(*) OVER (PARTITION BY key) AS distinct_values
                            FROM issue_tag_values t WHERE issue_id = ? AND (?::text IS NULL OR key = ?)) ranked
                        WHERE rank <= ? ORDER BY key, times_seen DESC, value""")
                .params(issueId, key, key, top)
                .query((rs, row) -> new TagValue(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    /** The grouping hashes filed under the issue, with how many of its stored events each has. */
    List<IssueHash> hashes(long issueId) {
        return jdbc.sql("""
                        SELECT h.hash, (SELECT count(*) FROM events e WHERE e.issue_id = h.issue_id AND e.hash = h.hash)
                        FROM issue_hashes h WHERE h.issue_id = ? ORDER BY h.hash""")
                .param(issueId).query((rs, row) -> new IssueHash(rs.getString(1), rs.getLong(2))).list();
    }

    /** Environments seen in these projects' issues, by name. */
    List<String> environments(Collection<Long> projectIds) {
        return jdbc.sql("""
                        SELECT DISTINCT t.value FROM issue_tag_values t JOIN issues i ON i.id = t.issue_id
                        WHERE t.key = 'environment' AND i.project_id = ANY (?) ORDER BY 1""")
                .param(projectIds.toArray(Long[]::new)).query(String.class).list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Issue map(ResultSet rs, int row) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        Timestamp ignoredUntil = rs.getTimestamp("ignored_until");
        return new Issue(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("short_id"), rs.getString("type"),
                rs.getString("title"), rs.getString("culprit"), rs.getString("metadata"), Level.of(rs.getInt("level")),
                rs.getString("platform"), rs.getString("status"), rs.getBoolean("regressed"), rs.getLong("times_seen"),
                rs.getLong("users_seen"), rs.getTimestamp("first_seen").toInstant(),
                rs.getTimestamp("last_seen").toInstant(), rs.getString("first_release"), rs.getString("last_release"),
                resolvedAt == null ? null : resolvedAt.toInstant(), (Long) rs.getObject("assignee_id"),
                ignoredUntil == null ? null : ignoredUntil.toInstant(), (Long) rs.getObject("ignored_until_count"));
    }
}
