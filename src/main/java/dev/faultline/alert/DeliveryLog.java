package dev.faultline.alert;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest attempts to deliver to a recipient, newest first, as the rule's page shows them. */
@Repository
class DeliveryLog {

    static final int LIMIT = 20;

    /** One attempt: when, how it went, the HTTP status or the error, and what it was about. */
    record Entry(Instant attemptedAt, String outcome, Integer httpStatus, String error, String email, String shortId,
            String kind) {

        public String detail() {
            if (error != null) {
                return error;
            }
            return httpStatus == null ? "" : "HTTP " + httpStatus;
        }
    }

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The log of a recipient already found through the caller's membership. */
    List<Entry> of(Recipient recipient) {
        return jdbc.sql("""
                        SELECT a.attempted_at, a.outcome, a.http_status, a.error, d.email, d.message->>'shortId',
                               d.message->>'kind'
                        FROM alert_delivery_attempts a JOIN alert_deliveries d ON d.id = a.delivery_id
                        WHERE d.recipient_id = ? ORDER BY a.id DESC LIMIT ?""")
                .params(recipient.id(), LIMIT)
                .query((rs, row) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getObject(3, Integer.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    /** How many deliveries to the recipient are waiting for their first or next attempt. */
    int pending(Recipient recipient) {
        return jdbc.sql("SELECT count(*) FROM alert_deliveries WHERE recipient_id = ? AND status = 'pending'")
                .param(recipient.id()).query(Integer.class).single();
    }
}
