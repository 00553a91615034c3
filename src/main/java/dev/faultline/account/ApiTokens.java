package dev.faultline.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.faultline.api.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** API tokens: created with a label and scopes, shown once, stored as a hash, revoked by their owner. */
@Service
public class ApiTokens {

    /** The created token and, this once, its value. */
    public record Created(ApiToken token, String value) {
    }

    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Created create(long userId, String label, Collection<String> scopeNames) {
        return create(userId, label, scopeNames, Tokens.newHexToken());
    }

    /** With a value chosen by the operator (INITIAL_USER_AUTH_TOKEN); any other caller gets a random one. */
    Created create(long userId, String label, Collection<String> scopeNames, String value) {
        String checkedLabel = label == null ? "" : label.strip();
        if (checkedLabel.isEmpty() || checkedLabel.length() > 255) {
            throw Problem.badRequest("label", "A token needs a label of 1 to 255 characters");
        }
        Set<Scope> scopes = parseScopes(scopeNames);
        try {
            long id = jdbc.sql("""
                            INSERT INTO api_tokens (user_id, label, token_hash, token_end, scopes)
                            VALUES (?, ?, ?, ?, ?) RETURNING id""")
                    .params(userId, checkedLabel, Tokens.hash(value), value.substring(Math.max(0, value.length() - 4)),
                            Scope.values(scopes).toArray(String[]::new))
                    .query(Long.class).single();
            return new Created(find(userId, id).orElseThrow(), value);
        }
        catch (DuplicateKeyException e) {
            throw Problem.conflict("token", "That token value is in use already");
        }
    }

    public List<ApiToken> list(long userId) {
        return jdbc.sql("SELECT * FROM api_tokens WHERE user_id = ? ORDER BY id").param(userId)
                .query(ApiTokens::map).list();
    }

    public Optional<ApiToken> find(long userId, long id) {
        return jdbc.sql("SELECT * FROM api_tokens WHERE user_id = ? AND id = ?").params(userId, id)
                .query(ApiTokens::map).optional();
    }

    /** Revokes the user's token; someone else's token is, for this user, not there. */
    public void revoke(long userId, long id) {
        if (jdbc.sql("DELETE FROM api_tokens WHERE user_id = ? AND id = ?").params(userId, id).update() == 0) {
            throw Problem.notFound();
        }
    }

    boolean exists(String value) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM api_tokens WHERE token_hash = ?)").param(Tokens.hash(value))
                .query(Boolean.class).single();
    }

    /** The caller a bearer token stands for, when the token exists and its user is active. */
    Optional<Caller> authenticate(String value) {
        record Match(long id, long userId, boolean superuser, Set<Scope> scopes, Instant lastUsedAt) {
        }
        Optional<Match> match = jdbc.sql("""
                        SELECT t.id, t.user_id, u.is_superuser, t.scopes, t.last_used_at
                        FROM api_tokens t JOIN users u ON u.id = t.user_id
                        WHERE t.token_hash = ? AND u.is_active""")
                .param(Tokens.hash(value))
                .query((rs, row) -> new Match(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), scopes(rs.getArray(4)),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
        match.filter(m -> m.lastUsedAt() == null || m.lastUsedAt().isBefore(Instant.now().minus(LAST_USED_PRECISION)))
                .ifPresent(m -> jdbc.sql("UPDATE api_tokens SET last_used_at = now() WHERE id = ?").param(m.id()).update());
        return match.map(m -> new Caller(m.userId(), m.superuser(), m.scopes()));
    }

    static Set<Scope> parseScopes(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw Problem.badRequest("scopes", "A token needs at least one scope");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names) {
            try {
                scopes.add(Scope.of(name));
            }
            catch (IllegalArgumentException e) {
                throw Problem.badRequest("scopes", "'" + name + "' is not a scope; scopes are "
                        + String.join(", ", Scope.values(Scope.all())));
            }
        }
        return scopes;
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("label"), rs.getString("token_end"),
                scopes(rs.getArray("scopes")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant());
    }

    private static Set<Scope> scopes(Array array) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream((String[]) array.getArray()).map(Scope::of).forEach(scopes::add);
        return scopes;
    }
}
