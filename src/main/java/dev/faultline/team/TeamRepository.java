package dev.faultline.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TeamRepository {

    private static final String SELECT = """
            SELECT t.*, (SELECT count(*) FROM team_members tm WHERE tm.team_id = t.id) AS member_count
            FROM teams t
            """;

    record MemberTeam(long memberId, String teamSlug) {
    }

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Team> list(long organizationId) {
        return jdbc.sql(SELECT + " WHERE t.organization_id = ? ORDER BY t.slug").param(organizationId)
                .query(TeamRepository::map).list();
    }

    Optional<Team> find(long organizationId, String slug) {
        return jdbc.sql(SELECT + " WHERE t.organization_id = ? AND t.slug = ?").params(organizationId, slug)
                .query(TeamRepository::map).optional();
    }

    List<Team> findAll(long organizationId, Collection<String> slugs) {
        return jdbc.sql(SELECT + " WHERE t.organization_id = ? AND t.slug = ANY (?)")
                .params(organizationId, slugs.toArray(String[]::new)).query(TeamRepository::map).list();
    }

    boolean slugTaken(long organizationId, String slug) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM teams WHERE organization_id = ? AND slug = ?)")
                .params(organizationId, slug).query(Boolean.class).single();
    }

    long insert(long organizationId, String slug, String name) {
        return jdbc.sql("INSERT INTO teams (organization_id, slug, name) VALUES (?, ?, ?) RETURNING id")
                .params(organizationId, slug, name).query(Long.class).single();
    }

    void update(long teamId, String slug, String name) {
        jdbc.sql("UPDATE teams SET slug = ?, name = ? WHERE id = ?").params(slug, name, teamId).update();
    }

    void delete(long teamId) {
        jdbc.sql("DELETE FROM teams WHERE id = ?").param(teamId).update();
    }

    List<Long> memberIds(long teamId) {
        return jdbc.sql("SELECT member_id FROM team_members WHERE team_id = ?").param(teamId).query(Long.class).list();
    }

    boolean isMember(long teamId, long memberId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM team_members WHERE team_id = ? AND member_id = ?)")
                .params(teamId, memberId).query(Boolean.class).single();
    }

    List<Long> teamIdsOfMember(long memberId) {
        return jdbc.sql("SELECT team_id FROM team_members WHERE member_id = ?").param(memberId).query(Long.class).list();
    }

    void addMember(long teamId, long memberId) {
        jdbc.sql("INSERT INTO team_members (team_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(teamId, memberId).update();
    }

    void removeMember(long teamId, long memberId) {
        jdbc.sql("DELETE FROM team_members WHERE team_id = ? AND member_id = ?").params(teamId, memberId).update();
    }

    /** Team slugs of the given members, who all belong to the organization. */
    List<MemberTeam> teamsOfMembers(long organizationId, Collection<Long> memberIds) {
        return jdbc.sql("""
                        SELECT tm.member_id, t.slug FROM team_members tm JOIN teams t ON t.id = tm.team_id
                        WHERE t.organization_id = ? AND tm.member_id = ANY (?) ORDER BY t.slug""")
                .params(organizationId, memberIds.toArray(Long[]::new))
                .query((rs, row) -> new MemberTeam(rs.getLong(1), rs.getString(2))).list();
    }

    private static Team map(ResultSet rs, int row) throws SQLException {
        return new Team(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("slug"), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("member_count"));
    }
}
