package dev.faultline.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.faultline.ingest.IngestKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProjectKeyRepository {

    private final JdbcClient jdbc;

    ProjectKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ProjectKey> list(long projectId) {
        return jdbc.sql("SELECT * FROM project_keys WHERE project_id = ? ORDER BY id").param(projectId)
                .query(ProjectKeyRepository::map).list();
    }

    Optional<ProjectKey> find(long projectId, UUID publicKey) {
        return jdbc.sql("SELECT * FROM project_keys WHERE project_id = ? AND public_key = ?").params(projectId, publicKey)
                .query(ProjectKeyRepository::map).optional();
    }

    Optional<IngestKeys.IngestKey> findForIngest(UUID publicKey) {
        return jdbc.sql("""
                        SELECT id, project_id, is_active, rate_limit_count, rate_limit_window_seconds
                        FROM project_keys WHERE public_key = ?""")
                .param(publicKey)
                .query((rs, row) -> {
                    int count = rs.getInt("rate_limit_count");
                    Integer rateLimitCount = rs.wasNull() ? null : count;
                    int window = rs.getInt("rate_limit_window_seconds");
                    Integer rateLimitWindow = rs.wasNull() ? null : window;
                    return new IngestKeys.IngestKey(rs.getLong("id"), rs.getLong("project_id"),
                            rs.getBoolean("is_active"), rateLimitCount, rateLimitWindow);
                })
                .optional();
    }

    List<UUID> publicKeys(long projectId) {
        return jdbc.sql("SELECT public_key FROM project_keys WHERE project_id = ?").param(projectId)
                .query(UUID.class).list();
    }

    ProjectKey insert(long projectId, String label, Integer rateLimitCount, Integer rateLimitWindowSeconds) {
        return jdbc.sql("""
                        INSERT INTO project_keys
                            (project_id, label, public_key, secret_key, rate_limit_count, rate_limit_window_seconds)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING *""")
                .params(projectId, label, UUID.randomUUID(), UUID.randomUUID(), rateLimitCount, rateLimitWindowSeconds)
                .query(ProjectKeyRepository::map).single();
    }

    ProjectKey update(long keyId, String label, boolean active, Integer rateLimitCount, Integer rateLimitWindowSeconds) {
        return jdbc.sql("""
                        UPDATE project_keys SET label = ?, is_active = ?, rate_limit_count = ?, rate_limit_window_seconds = ?
                        WHERE id = ? RETURNING *""")
                .params(label, active, rateLimitCount, rateLimitWindowSeconds, keyId)
                .query(ProjectKeyRepository::map).single();
    }

    void delete(long keyId) {
        jdbc.sql("DELETE FROM project_keys WHERE id = ?").param(keyId).update();
    }

    private static ProjectKey map(ResultSet rs, int row) throws SQLException {
        int count = rs.getInt("rate_limit_count");
        Integer rateLimitCount = rs.wasNull() ? null : count;
        int window = rs.getInt("rate_limit_window_seconds");
        Integer rateLimitWindow = rs.wasNull() ? null : window;
        return new ProjectKey(rs.getLong("id"), rs.getLong("project_id"), rs.getString("label"),
                rs.getObject("public_key", UUID.class), rs.getObject("secret_key", UUID.class),
                rs.getBoolean("is_active"), rateLimitCount, rateLimitWindow, rs.getTimestamp("created_at").toInstant());
    }
}
