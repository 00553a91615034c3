package dev.faultline.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProjectRepository {

    record ProjectTeam(long projectId, long teamId) {
    }

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Project> list(long organizationId) {
        return jdbc.sql("SELECT * FROM projects WHERE organization_id = ? ORDER BY slug").param(organizationId)
                .query(ProjectRepository::map).list();
    }

    List<Project> listOfOrganizations(Collection<Long> organizationIds) {
        return jdbc.sql("SELECT * FROM projects WHERE organization_id = ANY (?) ORDER BY organization_id, slug")
                .param(organizationIds.toArray(Long[]::new)).query(ProjectRepository::map).list();
    }

    List<Project> listOfTeam(long organizationId, long teamId) {
        return jdbc.sql("""
                        SELECT p.* FROM projects p JOIN project_teams pt ON pt.project_id = p.id
                        WHERE p.organization_id = ? AND pt.team_id = ? ORDER BY p.slug""")
                .params(organizationId, teamId).query(ProjectRepository::map).list();
    }

    Optional<Project> find(long organizationId, String slug) {
        return jdbc.sql("SELECT * FROM projects WHERE organization_id = ? AND slug = ?").params(organizationId, slug)
                .query(ProjectRepository::map).optional();
    }

    boolean slugTaken(long organizationId, String slug) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM projects WHERE organization_id = ? AND slug = ?)")
                .params(organizationId, slug).query(Boolean.class).single();
    }

    Project insert(long organizationId, String slug, String name, String platform) {
        return jdbc.sql("INSERT INTO projects (organization_id, slug, name, platform) VALUES (?, ?, ?, ?) RETURNING *")
                .params(organizationId, slug, name, platform).query(ProjectRepository::map).single();
    }

    Project update(long projectId, String slug, String name, String platform) {
        return jdbc.sql("UPDATE projects SET slug = ?, name = ?, platform = ? WHERE id = ? RETURNING *")
                .params(slug, name, platform, projectId).query(ProjectRepository::map).single();
    }

    Project updateDataSettings(long projectId, boolean scrubData, boolean scrubIpAddresses) {
        return jdbc.sql("UPDATE projects SET scrub_data = ?, scrub_ip_addresses = ? WHERE id = ? RETURNING *")
                .params(scrubData, scrubIpAddresses, projectId).query(ProjectRepository::map).single();
    }

    void delete(long projectId) {
        jdbc.sql("DELETE FROM projects WHERE id = ?").param(projectId).update();
    }

    /** Blocks until no other transaction creates issues in the project, until this one ends. */
    void lock(long projectId) {
        // NO KEY UPDATE: rows that reference the project (whose foreign keys take KEY SHARE locks) are not held up.
        jdbc.sql("SELECT id FROM projects WHERE id = ? FOR NO KEY UPDATE").param(projectId).query(Long.class)
                .optional();
    }

    long allocateShortIds(long projectId, int count) {
        return jdbc.sql("UPDATE projects SET issue_counter = issue_counter + ? WHERE id = ? RETURNING issue_counter")
                .params(count, projectId).query(Long.class).single();
    }

    Map<Long, Projects.DigestSettings> digestSettings(Collection<Long> projectIds) {
        Map<Long, Projects.DigestSettings> settings = new HashMap<>();
        jdbc.sql("""
                        SELECT id, scrub_data, scrub_ip_addresses, first_event_at IS NOT NULL
                        FROM projects WHERE id = ANY (?)""")
                .param(projectIds.toArray(Long[]::new))
                .query(rs -> {
                    settings.put(rs.getLong(1), new Projects.DigestSettings(rs.getBoolean(2), rs.getBoolean(3),
                            rs.getBoolean(4)));
                });
        return settings;
    }

    void markFirstEvent(Collection<Long> projectIds) {
        jdbc.sql("""
                        UPDATE projects SET first_event_at = now() WHERE id IN (
                            SELECT id FROM projects WHERE id = ANY (?) AND first_event_at IS NULL
                            ORDER BY id FOR NO KEY UPDATE)""")
                .param(projectIds.toArray(Long[]::new)).update();
    }

    List<ProjectTeam> teamsOf(Collection<Long> projectIds) {
        return jdbc.sql("SELECT project_id, team_id FROM project_teams WHERE project_id = ANY (?)")
                .param(projectIds.toArray(Long[]::new))
                .query((rs, row) -> new ProjectTeam(rs.getLong(1), rs.getLong(2))).list();
    }

    void addTeam(long projectId, long teamId) {
        jdbc.sql("INSERT INTO project_teams (project_id, team_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(projectId, teamId).update();
    }

    boolean removeTeam(long projectId, long teamId) {
        return jdbc.sql("DELETE FROM project_teams WHERE project_id = ? AND team_id = ?").params(projectId, teamId)
                .update() == 1;
    }

    private static Project map(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("slug"), rs.getString("name"),
                rs.getString("platform"), rs.getTimestamp("created_at").toInstant(), rs.getBoolean("scrub_data"),
                rs.getBoolean("scrub_ip_addresses"),
                rs.getTimestamp("first_event_at") == null ? null : rs.getTimestamp("first_event_at").toInstant());
    }
}
