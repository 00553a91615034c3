package dev.faultline.alert;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notifications waiting to be sent, one per recipient (per address for email), as rows that workers of any instance
 * claim with {@code SKIP LOCKED}. A claim is a lease: a worker that dies mid-send leaves the job to be taken again
 * when the lease ends, so a message is sent at least once.
 */
@Repository
class DeliveryQueue {

    static final Duration LEASE = Duration.ofMinutes(5);

    /** A delivery to queue: the recipient, the address for email (else null) and the message as JSON. */
    record NewDelivery(long recipientId, String email, String message) {
    }

    /** A claimed delivery with what sending it needs. */
    record Job(long id, long recipientId, RecipientKind kind, String url, String secret, String email, String message,
            int attempts, Instant createdAt) {
    }

    enum Outcome { SENT, RETRYING, FAILED, THROTTLED }

    private final JdbcClient jdbc;

    DeliveryQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int enqueue(List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        INSERT INTO alert_deliveries (recipient_id, email, message)
                        SELECT r, e, m::jsonb FROM unnest(?::bigint[], ?::text[], ?::text[]) AS v(r, e, m)""")
                .params(deliveries.stream().map(NewDelivery::recipientId).toArray(Long[]::new),
                        deliveries.stream().map(NewDelivery::email).toArray(String[]::new),
                        deliveries.stream().map(NewDelivery::message).toArray(String[]::new))
                .update();
    }

    /** Takes up to {@code limit} due deliveries, counting the attempt now. */
    List<Job> claim(int limit) {
        return jdbc.sql("""
                        UPDATE alert_deliveries d SET attempts = d.attempts + 1,
                                                      next_attempt_at = now() + make_interval(secs => ?)
                        FROM alert_recipients r
                        WHERE r.id = d.recipient_id AND d.id IN (
                            SELECT id FROM alert_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
                            ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING d.id, d.recipient_id, r.kind, r.url, r.secret, d.email, d.message::text,
                                  d.attempts, d.created_at""")
                .params(LEASE.toSeconds(), limit)
                .query((rs, row) -> new Job(rs.getLong(1), rs.getLong(2), RecipientKind.of(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    /**
     * Records the attempt in the log and the job's new state; {@code retryAfter} only with RETRYING. A delivery
     * whose recipient was removed meanwhile is gone, and so is its log.
     */
    void finish(Job job, Outcome outcome, Integer httpStatus, String error, Duration retryAfter) {
        String name = outcome.name().toLowerCase(Locale.ROOT);
        boolean retrying = outcome == Outcome.RETRYING;
        jdbc.sql("""
                        WITH updated AS (
                            UPDATE alert_deliveries SET
                                status = ?,
                                next_attempt_at = CASE WHEN ? THEN now() + make_interval(secs => ?)
                                                       ELSE next_attempt_at END,
                                finished_at = CASE WHEN ? THEN NULL ELSE now() END
                            WHERE id = ? RETURNING id)
                        INSERT INTO alert_delivery_attempts (delivery_id, outcome, http_status, error)
                        SELECT id, ?, ?, ? FROM updated""")
                .params(retrying ? "pending" : name, retrying, retryAfter == null ? 0 : retryAfter.toMillis() / 1000.0,
                        retrying, job.id(), name, httpStatus, error)
                .update();
    }

    /** Drops deliveries finished before the time, with their log. */
    int forgetFinishedBefore(Instant before) {
        return jdbc.sql("DELETE FROM alert_deliveries WHERE finished_at < ?").param(Timestamp.from(before))
                .update();
    }

    /** How many alert emails went to the address since the time given: the throttle's measure. */
    int emailsSentSince(String email, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM alert_deliveries
                        WHERE status = 'sent' AND lower(email) = lower(?) AND finished_at > ?""")
                .params(email, Timestamp.from(since)).query(Integer.class).single();
    }
}
