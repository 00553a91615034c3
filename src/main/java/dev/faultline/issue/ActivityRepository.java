package dev.faultline.issue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The activity history and comments of issues. */
@Repository
class ActivityRepository {

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the same activity on each of these issues. */
    void add(Collection<Long> issueIds, String kind, Long userId, String data) {
        if (issueIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO issue_activity (issue_id, kind, user_id, data)
                        SELECT id, ?, ?, ?::jsonb FROM unnest(?::bigint[]) AS id""")
                .params(kind, userId, data, issueIds.toArray(Long[]::new)).update();
    }

    List<Activity> activity(long issueId) {
        return jdbc.sql("SELECT id, issue_id, kind, user_id, data::text, created_at FROM issue_activity "
                        + "WHERE issue_id = ? ORDER BY id DESC")
                .param(issueId)
                .query((rs, row) -> new Activity(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        (Long) rs.getObject(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    List<Comment> comments(long issueId) {
        return jdbc.sql("SELECT * FROM issue_comments WHERE issue_id = ? ORDER BY id").param(issueId)
                .query(ActivityRepository::comment).list();
    }

    Optional<Comment> comment(long issueId, long commentId) {
        return jdbc.sql("SELECT * FROM issue_comments WHERE issue_id = ? AND id = ?").params(issueId, commentId)
                .query(ActivityRepository::comment).optional();
    }

    Comment addComment(long issueId, long userId, String body) {
        return jdbc.sql("INSERT INTO issue_comments (issue_id, user_id, body) VALUES (?, ?, ?) RETURNING *")
                .params(issueId, userId, body).query(ActivityRepository::comment).single();
    }

    Comment editComment(long commentId, String body) {
        return jdbc.sql("UPDATE issue_comments SET body = ?, updated_at = now() WHERE id = ? RETURNING *")
                .params(body, commentId).query(ActivityRepository::comment).single();
    }

    void deleteComment(long commentId) {
        jdbc.sql("DELETE FROM issue_comments WHERE id = ?").param(commentId).update();
    }

    /** How many comments each issue has. */
    Map<Long, Long> commentCounts(Collection<Long> issueIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!issueIds.isEmpty()) {
            jdbc.sql("SELECT issue_id, count(*) FROM issue_comments WHERE issue_id = ANY (?) GROUP BY issue_id")
                    .param(issueIds.toArray(Long[]::new))
                    .query(rs -> {
                        counts.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return counts;
    }

    /** Moves the comments and history of merged issues to the issue they were merged into. */
    void moveTo(long issueId, Collection<Long> fromIssueIds) {
        Long[] from = fromIssueIds.toArray(Long[]::new);
        jdbc.sql("UPDATE issue_comments SET issue_id = ? WHERE issue_id = ANY (?)").params(issueId, from).update();
        jdbc.sql("UPDATE issue_activity SET issue_id = ? WHERE issue_id = ANY (?)").params(issueId, from).update();
    }

    private static Comment comment(ResultSet rs, int row) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Comment(rs.getLong("id"), rs.getLong("issue_id"), (Long) rs.getObject("user_id"),
                rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                updated == null ? null : updated.toInstant());
    }
}
