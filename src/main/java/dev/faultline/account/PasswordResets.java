package dev.faultline.account;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.faultline.api.Problem;
import dev.faultline.config.Settings;
import dev.faultline.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot your password": a single-use link by email, valid for a day. Asking for one never tells whether an
 * account exists; using one signs the user out everywhere.
 */
@Service
public class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    static final Duration LIFETIME = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final AccountService accounts;
    private final UserSessions sessions;
    private final Mailer mailer;
    private final Settings settings;
    private final TransactionTemplate transaction;

    PasswordResets(JdbcClient jdbc, UserRepository users, AccountService accounts, UserSessions sessions, Mailer mailer,
            Settings settings, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.users = users;
        this.accounts = accounts;
        this.sessions = sessions;
        this.mailer = mailer;
        this.settings = settings;
        this.transaction = transaction;
    }

    /** Emails a reset link to the account with this address, if there is one. */
    public void request(String email) {
        Optional<User> user = users.findByEmail(email == null ? "" : email.strip()).filter(User::active);
        if (user.isEmpty()) {
            log.info("Password reset asked for {}, which has no active account", email);
            return;
        }
        String token = Tokens.newUrlToken();
        jdbc.sql("INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (?, ?, now() + interval '"
                        + LIFETIME.toHours() + " hours')")
                .params(Tokens.hash(token), user.get().id()).update();
        try {
            mailer.send(new Mailer.Email(user.get().email(), "Reset your Faultline password", "password-reset",
                    Map.of("link", settings.baseUrl() + "/reset-password/" + token, "hours", LIFETIME.toHours())));
        }
        catch (MailException e) {
            log.error("Could not send the password reset email to {}: {}", user.get().email(), e.getMessage());
        }
    }

    /** Whether the link is still good, to show its form or say it is not. */
    public boolean valid(String token) {
        return userOf(token).isPresent();
    }

    /** Sets the new password and spends the link (and any other open ones of the user); returns the user. */
    public User reset(String token, String newPassword) {
        return transaction.execute(status -> {
            long userId = userOf(token).orElseThrow(() -> Problem.badRequest("token",
                    "This link has expired or was used already; ask for a new one."));
            accounts.setPassword(userId, newPassword);
            jdbc.sql("UPDATE password_resets SET used_at = now() WHERE user_id = ? AND used_at IS NULL").param(userId)
                    .update();
            sessions.closeAll(userId, null);
            return users.findById(userId).orElseThrow();
        });
    }

    private Optional<Long> userOf(String token) {
        return jdbc.sql("""
                        SELECT user_id FROM password_resets
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > now()""")
                .param(Tokens.hash(token)).query(Long.class).optional();
    }
}
