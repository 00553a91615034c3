package dev.faultline.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the database holds for a project, wherever between intake and digest it is. */
public final class Stored {

    private Stored() {
    }

    /** The ids of the project's events and transactions, acknowledged and not yet digested or digested. */
    public static List<String> eventIds(JdbcClient jdbc, long projectId) {
        return jdbc.sql("""
                        SELECT replace(event_id::text, '-', '') FROM intake WHERE project_id = ?
                        UNION ALL SELECT replace(event_id::text, '-', '') FROM events WHERE project_id = ?
                        UNION ALL SELECT replace(event_id::text, '-', '') FROM transactions WHERE project_id = ?""")
                .params(projectId, projectId, projectId).query(String.class).list();
    }

    public static int count(JdbcClient jdbc, String table, long projectId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE project_id = ?").param(projectId)
                .query(Integer.class).single();
    }
}
