package dev.faultline.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #LIMIT} failed sign-ins for one email within the window, further attempts
 * are refused until the oldest failure leaves it. Kept in PostgreSQL so every instance counts the same failures.
 */
@Component
class SignInThrottle {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String SINCE = "now() - interval '" + WINDOW.toMinutes() + " minutes'";

    private final JdbcClient jdbc;

    SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How long the email must wait before it may try again; empty when it may try now. */
    Optional<Duration> waitFor(String email) {
        return jdbc.sql("SELECT min(attempted_at), count(*) FROM failed_sign_ins WHERE email = ? AND attempted_at > "
                        + SINCE)
                .param(key(email))
                .query((rs, row) -> rs.getLong(2) >= LIMIT
                        ? Optional.of(Duration.between(Instant.now(), rs.getTimestamp(1).toInstant().plus(WINDOW)))
                        : Optional.<Duration>empty())
                .single();
    }

    void recordFailure(String email) {
        jdbc.sql("DELETE FROM failed_sign_ins WHERE email = ? AND attempted_at <= " + SINCE).param(key(email)).update();
        jdbc.sql("INSERT INTO failed_sign_ins (email) VALUES (?)").param(key(email)).update();
    }

    void clear(String email) {
        jdbc.sql("DELETE FROM failed_sign_ins WHERE email = ?").param(key(email)).update();
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
