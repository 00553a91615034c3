package dev.faultline.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

    private static final String SELECT = """
            SELECT m.id, m.organization_id, m.user_id, coalesce(u.email, m.invite_email) AS email,
                   coalesce(u.name, '') AS name, m.role, m.created_at, m.user_id IS NULL AS pending, m.invited_at
            FROM organization_members m LEFT JOIN users u ON u.id = m.user_id
            """;

    /** A pending invitation with what its token is checked against. */
    record Invitation(Member member, byte[] tokenHash, String organizationName, String organizationSlug,
            String invitedBy) {
    }

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Member> list(long organizationId) {
        return jdbc.sql(SELECT + " WHERE m.organization_id = ? ORDER BY pending, lower(coalesce(u.email, m.invite_email))")
                .param(organizationId).query(MemberRepository::map).list();
    }

    Optional<Member> find(long organizationId, long memberId) {
        return jdbc.sql(SELECT + " WHERE m.organization_id = ? AND m.id = ?").params(organizationId, memberId)
                .query(MemberRepository::map).optional();
    }

    Optional<Member> findByEmail(long organizationId, String email) {
        return jdbc.sql(SELECT + " WHERE m.organization_id = ? AND lower(coalesce(u.email, m.invite_email)) = lower(?)")
                .params(organizationId, email).query(MemberRepository::map).optional();
    }

    Optional<Invitation> invitation(long memberId) {
        return jdbc.sql("""
                        SELECT m.id, m.organization_id, m.user_id, m.invite_email AS email, '' AS name, m.role,
                               m.created_at, true AS pending, m.invited_at, m.invite_token_hash,
                               o.name AS organization_name, o.slug AS organization_slug,
                               coalesce(nullif(i.name, ''), i.email, '') AS invited_by
                        FROM organization_members m JOIN organizations o ON o.id = m.organization_id
                        LEFT JOIN users i ON i.id = m.invited_by
                        WHERE m.id = ? AND m.user_id IS NULL""")
                .param(memberId)
                .query((rs, row) -> new Invitation(map(rs, row), rs.getBytes("invite_token_hash"),
                        rs.getString("organization_name"), rs.getString("organization_slug"), rs.getString("invited_by")))
                .optional();
    }

    long insertMember(long organizationId, long userId, Role role) {
        return jdbc.sql("INSERT INTO organization_members (organization_id, user_id, role) VALUES (?, ?, ?) RETURNING id")
                .params(organizationId, userId, role.id()).query(Long.class).single();
    }

    long insertInvitation(long organizationId, String email, Role role, byte[] tokenHash, long invitedBy) {
        return jdbc.sql("""
                        INSERT INTO organization_members
                            (organization_id, role, invite_email, invite_token_hash, invited_by, invited_at)
                        VALUES (?, ?, ?, ?, ?, now()) RETURNING id""")
                .params(organizationId, role.id(), email, tokenHash, invitedBy).query(Long.class).single();
    }

    void renewInvitation(long memberId, byte[] tokenHash, long invitedBy) {
        jdbc.sql("""
                        UPDATE organization_members SET invite_token_hash = ?, invited_by = ?, invited_at = now()
                        WHERE id = ? AND user_id IS NULL""")
                .params(tokenHash, invitedBy, memberId).update();
    }

    /** Turns the invitation into a membership of the user; false when it was accepted or revoked meanwhile. */
    boolean accept(long memberId, long userId) {
        return jdbc.sql("""
                        UPDATE organization_members
                        SET user_id = ?, invite_email = NULL, invite_token_hash = NULL, created_at = now()
                        WHERE id = ? AND user_id IS NULL""")
                .params(userId, memberId).update() == 1;
    }

    void updateRole(long memberId, Role role) {
        jdbc.sql("UPDATE organization_members SET role = ? WHERE id = ?").params(role.id(), memberId).update();
    }

    void delete(long memberId) {
        jdbc.sql("DELETE FROM organization_members WHERE id = ?").param(memberId).update();
    }

    /** Locks the organization's row until the transaction ends, so owner counts cannot race. */
    void lockOrganization(long organizationId) {
        jdbc.sql("SELECT id FROM organizations WHERE id = ? FOR UPDATE").param(organizationId).query(Long.class).single();
    }

    int countOwners(long organizationId) {
        return jdbc.sql("""
                        SELECT count(*) FROM organization_members
                        WHERE organization_id = ? AND role = 'owner' AND user_id IS NOT NULL""")
                .param(organizationId).query(Integer.class).single();
    }

    static Member map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : id;
        return new Member(rs.getLong("id"), rs.getLong("organization_id"), userId,
                rs.getString("email"), rs.getString("name"), Role.parse(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant(), rs.getBoolean("pending"),
                rs.getTimestamp("invited_at") == null ? null : rs.getTimestamp("invited_at").toInstant());
    }
}
