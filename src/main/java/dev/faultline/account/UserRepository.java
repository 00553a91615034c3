package dev.faultline.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String COLUMNS = """
            id, email, name, is_superuser, is_active, time_zone, theme, created_at, last_login_at,
            password_hash IS NOT NULL AS has_password""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id).query(UserRepository::map).optional();
    }

    List<User> findAll(Collection<Long> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ANY (?)").param(ids.toArray(Long[]::new))
                .query(UserRepository::map).list();
    }

    Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(?)").param(email)
                .query(UserRepository::map).optional();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM users WHERE id = ? AND password_hash IS NOT NULL").param(id)
                .query(String.class).optional();
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users)").query(Boolean.class).single();
    }

    /** Inserts the user; a taken email surfaces as DuplicateKeyException. */
    User create(String email, String name, String passwordHash, boolean superuser) {
        long id = jdbc.sql("""
                        INSERT INTO users (email, name, password_hash, is_superuser) VALUES (?, ?, ?, ?) RETURNING id""")
                .params(email, name, passwordHash, superuser).query(Long.class).single();
        return findById(id).orElseThrow();
    }

    void updateProfile(long id, String name, String email, String timeZone, User.Theme theme) {
        jdbc.sql("UPDATE users SET name = ?, email = ?, time_zone = ?, theme = ? WHERE id = ?")
                .params(name, email, timeZone, theme.value(), id).update();
    }

    void updatePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
    }

    void recordSignIn(long id) {
        jdbc.sql("UPDATE users SET last_login_at = now() WHERE id = ?").param(id).update();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getBoolean("is_superuser"),
                rs.getBoolean("is_active"), rs.getString("time_zone"),
                User.Theme.valueOf(rs.getString("theme").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_login_at") == null ? null : rs.getTimestamp("last_login_at").toInstant(),
                rs.getBoolean("has_password"));
    }
}
