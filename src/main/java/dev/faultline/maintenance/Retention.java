package dev.faultline.maintenance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes what is past retention outside the day partitions, and the events of deleted projects, which have no
 * foreign key to cascade from (the partitioned tables are written too often to carry one).
 */
@Component
class Retention {

    /** Rows older than the cutoff, per table and time column. */
    private static final List<String> EXPIRED = List.of(
            "DELETE FROM events_default WHERE received_at < ?",
            "DELETE FROM transactions_default WHERE received_at < ?",
            "DELETE FROM issues WHERE last_seen < ?",
            "DELETE FROM issue_hourly_counts WHERE hour < ?",
            "DELETE FROM project_hourly_counts WHERE hour < ?",
            "DELETE FROM transaction_minute_stats WHERE minute < ?",
            "DELETE FROM event_attachments WHERE received_at < ?",
            "DELETE FROM user_feedback WHERE received_at < ?",
            "DELETE FROM intake_failures WHERE received_at < ?");

    /** What a deleted project leaves behind with no foreign key. */
    private static final List<String> ORPHANED = List.of(
            "DELETE FROM events WHERE project_id = ?",
            "DELETE FROM transactions WHERE project_id = ?",
            "DELETE FROM event_ids WHERE project_id = ?",
            "DELETE FROM intake WHERE project_id = ?",
            "DELETE FROM intake_failures WHERE project_id = ?",
            "DELETE FROM deleted_projects WHERE id = ?");

    private static final String SEEN_IDS_KEPT = "7 days";

    private final JdbcClient jdbc;

    Retention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void deleteBefore(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        EXPIRED.forEach(sql -> jdbc.sql(sql).param(before).update());
        jdbc.sql("DELETE FROM event_ids WHERE received_at < now() - interval '" + SEEN_IDS_KEPT + "'").update();
    }

    /** Removes the stored data of projects deleted since the last run; returns how many projects. */
    int sweepDeletedProjects() {
        List<Long> deleted = jdbc.sql("SELECT id FROM deleted_projects ORDER BY id").query(Long.class).list();
        for (long projectId : deleted) {
            ORPHANED.forEach(sql -> jdbc.sql(sql).param(projectId).update());
        }
        return deleted.size();
    }
}
