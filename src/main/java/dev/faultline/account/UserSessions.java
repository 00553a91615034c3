package dev.faultline.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-in sessions kept in PostgreSQL, so they survive restarts and work across instances. The browser holds a
 * random token; the table holds its hash. A session lapses after two weeks without use.
 */
@Component
public class UserSessions {

    static final Duration IDLE_LIFETIME = Duration.ofDays(14);
    private static final String EXPIRY = "now() + interval '" + IDLE_LIFETIME.toDays() + " days'";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    record Session(byte[] tokenHash, long userId, boolean superuser, Instant lastSeenAt) {
    }

    private final JdbcClient jdbc;

    UserSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a session for the user and returns the token for the browser's cookie. */
    String open(long userId, String userAgent) {
        jdbc.sql("DELETE FROM user_sessions WHERE expires_at < now()").update();
        String token = Tokens.newUrlToken();
        jdbc.sql("INSERT INTO user_sessions (token_hash, user_id, expires_at, user_agent) VALUES (?, ?, " + EXPIRY + ", ?)")
                .params(Tokens.hash(token), userId,
                        userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), 300)))
                .update();
        return token;
    }

    /** The live session of an active user for this token, its idle clock restarted now and then. */
    Optional<Session> find(String token) {
        Optional<Session> session = jdbc.sql("""
                        SELECT s.token_hash, s.user_id, u.is_superuser, s.last_seen_at
                        FROM user_sessions s JOIN users u ON u.id = s.user_id
                        WHERE s.token_hash = ? AND s.expires_at > now() AND u.is_active""")
                .param(Tokens.hash(token))
                .query((rs, row) -> new Session(rs.getBytes(1), rs.getLong(2), rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
        session.filter(s -> s.lastSeenAt().isBefore(Instant.now().minus(TOUCH_INTERVAL))).ifPresent(this::touch);
        return session;
    }

    void close(String token) {
        jdbc.sql("DELETE FROM user_sessions WHERE token_hash = ?").param(Tokens.hash(token)).update();
    }

    /** Signs the user out everywhere, except in the session given (null: everywhere). */
    public void closeAll(long userId, String exceptToken) {
        jdbc.sql("DELETE FROM user_sessions WHERE user_id = ? AND token_hash IS DISTINCT FROM ?")
                .params(userId, exceptToken == null ? null : Tokens.hash(exceptToken)).update();
    }

    private void touch(Session session) {
        jdbc.sql("UPDATE user_sessions SET last_seen_at = now(), expires_at = " + EXPIRY + " WHERE token_hash = ?")
                .param(session.tokenHash()).update();
    }
}
