package dev.faultline.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.faultline.compression.BodyCompression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads stored events. Callers scope every read: by a project they checked access to, or by an issue of one. An
 * issue's events are read newest first by receive time, with the event id breaking ties.
 */
@Service
public class StoredEvents {

    /** A place in an issue's events, for paging and for previous and next. */
    public record Position(Instant receivedAt, UUID eventId) {
    }

    private static final String COLUMNS = "project_id, event_id, issue_id, received_at, occurred_at, level, "
            + "environment, release, user_key, hash, tags";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final BodyCompression compression;

    StoredEvents(JdbcClient jdbc, JsonMapper json, BodyCompression compression) {
        this.jdbc = jdbc;
        this.json = json;
        this.compression = compression;
    }

    /** The event with its body. */
    public Optional<StoredEvent> find(long projectId, UUID eventId) {
        return jdbc.sql("SELECT " + COLUMNS + ", body FROM events WHERE project_id = ? AND event_id = ? LIMIT 1")
                .params(projectId, eventId).query(this::withBody).optional();
    }

    /** The issue's newest event with its body. */
    public Optional<StoredEvent> latest(long issueId) {
        return one(issueId, "ORDER BY received_at DESC, event_id DESC");
    }

    /** The issue's first event with its body. */
    public Optional<StoredEvent> oldest(long issueId) {
        return one(issueId, "ORDER BY received_at, event_id");
    }

    /** The event after this one in the issue (newer), without its body. */
    public Optional<StoredEvent> newer(long issueId, Position position) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM events WHERE issue_id = ? AND (received_at, event_id) > (?, ?) "
                        + "ORDER BY received_at, event_id LIMIT 1")
                .params(issueId, Timestamp.from(position.receivedAt()), position.eventId())
                .query(StoredEvents::withoutBody).optional();
    }

    /** The event before this one in the issue (older), without its body. */
    public Optional<StoredEvent> older(long issueId, Position position) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM events WHERE issue_id = ? AND (received_at, event_id) < (?, ?) "
                        + "ORDER BY received_at DESC, event_id DESC LIMIT 1")
                .params(issueId, Timestamp.from(position.receivedAt()), position.eventId())
                .query(StoredEvents::withoutBody).optional();
    }

    /**
     * A page of the issue's events, newest first, after {@code before} when given; with their bodies when asked
     * (the API shows whole events, the page a list).
     */
    public List<StoredEvent> ofIssue(long issueId, Position before, int limit, boolean withBodies) {
        String columns = withBodies ? COLUMNS + ", body" : COLUMNS;
        var sql = jdbc.sql("SELECT " + columns + " FROM events WHERE issue_id = ?"
                + (before == null ? "" : " AND (received_at, event_id) < (?, ?)")
                + " ORDER BY received_at DESC, event_id DESC LIMIT ?");
        sql = before == null ? sql.params(issueId, limit)
                : sql.params(issueId, Timestamp.from(before.receivedAt()), before.eventId(), limit);
        return withBodies ? sql.query(this::withBody).list() : sql.query(StoredEvents::withoutBody).list();
    }

    /** A page of the projects' events, newest first, with their bodies. */
    public List<StoredEvent> ofProjects(List<Long> projectIds, Position before, int limit) {
        var sql = jdbc.sql("SELECT " + COLUMNS + ", body FROM events WHERE project_id = ANY (?)"
                + (before == null ? "" : " AND (received_at, event_id) < (?, ?)")
                + " ORDER BY received_at DESC, event_id DESC LIMIT ?");
        Long[] ids = projectIds.toArray(Long[]::new);
        sql = before == null ? sql.params(ids, limit)
                : sql.params(ids, Timestamp.from(before.receivedAt()), before.eventId(), limit);
        return sql.query(this::withBody).list();
    }

    private Optional<StoredEvent> one(long issueId, String order) {
        return jdbc.sql("SELECT " + COLUMNS + ", body FROM events WHERE issue_id = ? " + order + " LIMIT 1")
                .param(issueId).query(this::withBody).optional();
    }

    private StoredEvent withBody(ResultSet rs, int row) throws SQLException {
        StoredEvent event = withoutBody(rs, row);
        ObjectNode body = (ObjectNode) json.readTree(compression.decompress(rs.getBytes("body")));
        return new StoredEvent(event.projectId(), event.eventId(), event.issueId(), event.receivedAt(),
                event.occurredAt(), event.level(), event.environment(), event.release(), event.userKey(), event.hash(),
                event.tags(), body);
    }

    private static StoredEvent withoutBody(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("project_id"), rs.getObject("event_id", UUID.class), rs.getLong("issue_id"),
                rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("occurred_at").toInstant(),
                Level.of(rs.getInt("level")), rs.getString("environment"), rs.getString("release"),
                rs.getString("user_key"), rs.getString("hash"), TagLines.split(rs.getString("tags")), null);
    }
}
