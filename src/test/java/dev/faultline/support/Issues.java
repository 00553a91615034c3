package dev.faultline.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The issues digest made for a project, read straight from the database for assertions. */
public final class Issues {

    /** An issue's columns that tests look at. */
    public record Row(long id, String title, String culprit, String type, int level, String status, long timesSeen,
            long usersSeen, String shortId, boolean regressed) {
    }

    private Issues() {
    }

    public static List<Row> of(JdbcClient jdbc, long projectId) {
        return jdbc.sql("""
                        SELECT i.id, i.title, i.culprit, i.type, i.level, i.status, i.times_seen, i.users_seen,
                               upper(p.slug) || '-' || i.short_id AS short_id, i.regressed
                        FROM issues i JOIN projects p ON p.id = i.project_id
                        WHERE i.project_id = ? ORDER BY i.id""")
                .param(projectId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9),
                        rs.getBoolean(10)))
                .list();
    }

    public static Row titled(JdbcClient jdbc, long projectId, String title) {
        return of(jdbc, projectId).stream().filter(row -> row.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no issue titled '" + title + "' among " + of(jdbc, projectId)));
    }

    /** Events digested for the project (not counting duplicates dropped). */
    public static int eventCount(JdbcClient jdbc, long projectId) {
        return jdbc.sql("SELECT count(*) FROM events WHERE project_id = ?").param(projectId).query(Integer.class)
                .single();
    }

    public static List<String> tagsOfEvents(JdbcClient jdbc, long projectId) {
        return jdbc.sql("SELECT DISTINCT unnest(string_to_array(tags, E'\\n')) FROM events WHERE project_id = ? "
                + "ORDER BY 1").param(projectId).query(String.class).list();
    }
}
