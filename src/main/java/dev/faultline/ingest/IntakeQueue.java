package dev.faultline.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.faultline.work.Wakeup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The durable intake as digest sees it: rows to claim, and a signal when new ones were committed here.
 * Rows are claimed by deleting them inside the caller's transaction, skipping rows other workers hold: a crash before
 * the commit leaves them for the next claim, and any number of instances can digest side by side.
 */
@Component
public class IntakeQueue {

    private static final String COLUMNS = "id, project_id, kind, event_id, received_at, sent_at, client_ip, payload";

    private final JdbcClient jdbc;
    private final Wakeup committed = new Wakeup();

    IntakeQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes up to {@code limit} of the oldest rows, stopping once their payloads pass {@code maxBytes} (the first row
     * is always taken), so that a run of large events cannot fill the heap; call it inside the transaction that
     * stores their results. Rows held back stay locked until that transaction ends, then wait for the next claim.
     */
    public List<IntakeRow> claim(int limit, long maxBytes) {
        return jdbc.sql("""
                        WITH candidates AS (
                            SELECT id, octet_length(payload) AS size FROM intake ORDER BY id LIMIT ?
                            FOR UPDATE SKIP LOCKED),
                        chosen AS (
                            SELECT id FROM (SELECT id, sum(size) OVER (ORDER BY id) - size AS before FROM candidates) c
                            WHERE before < ?)
                        DELETE FROM intake WHERE id IN (SELECT id FROM chosen)
                        RETURNING\s""" + COLUMNS)
                .params(limit, maxBytes)
                .query(IntakeQueue::row)
                .list();
    }

    /** Takes the row with this id, if it is still there and no one holds it. */
    public Optional<IntakeRow> claim(long id) {
        return jdbc.sql("""
                        DELETE FROM intake WHERE id IN (SELECT id FROM intake WHERE id = ? FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS)
                .param(id)
                .query(IntakeQueue::row)
                .optional();
    }

    private static IntakeRow row(ResultSet rs, int row) throws SQLException {
        return new IntakeRow(rs.getLong(1), rs.getLong(2), IntakeKind.of(rs.getShort(3)), rs.getObject(4, UUID.class),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                rs.getString(7), rs.getBytes(8));
    }

    /** Rows waiting, counted now. */
    public long backlog() {
        return jdbc.sql("SELECT count(*) FROM intake").query(Long.class).single();
    }

    /** Waits until this instance commits new rows, or the timeout passes; rows from other instances are polled. */
    public void awaitRows(Duration timeout) throws InterruptedException {
        committed.await(timeout);
    }

    void signal() {
        committed.signal();
    }
}
