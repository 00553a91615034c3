package dev.faultline.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

    /** An organization seen from one user: with that user's membership. */
    record Joined(Organization organization, long memberId, Role role) {
    }

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Joined> findForUser(String slug, long userId) {
        return jdbc.sql("""
                        SELECT o.*, m.id AS member_id, m.role
                        FROM organizations o JOIN organization_members m ON m.organization_id = o.id
                        WHERE o.slug = ? AND m.user_id = ?""")
                .params(slug, userId).query(OrganizationRepository::joined).optional();
    }

    Optional<Joined> findForUser(long organizationId, long userId) {
        return jdbc.sql("""
                        SELECT o.*, m.id AS member_id, m.role
                        FROM organizations o JOIN organization_members m ON m.organization_id = o.id
                        WHERE o.id = ? AND m.user_id = ?""")
                .params(organizationId, userId).query(OrganizationRepository::joined).optional();
    }

    List<Joined> listForUser(long userId) {
        return jdbc.sql("""
                        SELECT o.*, m.id AS member_id, m.role
                        FROM organizations o JOIN organization_members m ON m.organization_id = o.id
                        WHERE m.user_id = ? ORDER BY o.name, o.id""")
                .param(userId).query(OrganizationRepository::joined).list();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organizations WHERE slug = ?)").param(slug)
                .query(Boolean.class).single();
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organizations)").query(Boolean.class).single();
    }

    Organization insert(String slug, String name) {
        return jdbc.sql("INSERT INTO organizations (slug, name) VALUES (?, ?) RETURNING *").params(slug, name)
                .query(OrganizationRepository::map).single();
    }

    Organization update(long id, String slug, String name) {
        return jdbc.sql("UPDATE organizations SET slug = ?, name = ? WHERE id = ? RETURNING *").params(slug, name, id)
                .query(OrganizationRepository::map).single();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM organizations WHERE id = ?").param(id).update();
    }

    static Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Joined joined(ResultSet rs, int row) throws SQLException {
        return new Joined(map(rs, row), rs.getLong("member_id"), Role.parse(rs.getString("role")));
    }
}
