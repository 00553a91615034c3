package dev.faultline.alert;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who gets a project's alert emails: the active members of its teams, unless they turned project alerts off, in
 * general ("send me project alerts") or for this project, where the project's choice wins.
 */
@Component
class AlertAudience {

    private final JdbcClient jdbc;

    AlertAudience(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> emails(long projectId) {
        return jdbc.sql("""
                        SELECT DISTINCT u.email FROM project_teams pt
                        JOIN team_members tm ON tm.team_id = pt.team_id
                        JOIN organization_members m ON m.id = tm.member_id
                        JOIN projects p ON p.id = pt.project_id AND p.organization_id = m.organization_id
                        JOIN users u ON u.id = m.user_id
                        LEFT JOIN user_project_alerts choice ON choice.user_id = u.id AND choice.project_id = p.id
                        WHERE pt.project_id = ? AND u.is_active AND coalesce(choice.subscribed, u.subscribe_by_default)
                        ORDER BY u.email""")
                .param(projectId).query(String.class).list();
    }
}
