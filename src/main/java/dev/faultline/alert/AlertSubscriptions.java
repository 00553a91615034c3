package dev.faultline.alert;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A user's own choices: "send me project alerts", and per project on or off, overriding it. Only their own rows. */
@Repository
class AlertSubscriptions {

    private final JdbcClient jdbc;

    AlertSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean byDefault(long userId) {
        return jdbc.sql("SELECT subscribe_by_default FROM users WHERE id = ?").param(userId).query(Boolean.class)
                .single();
    }

    void setByDefault(long userId, boolean subscribed) {
        jdbc.sql("UPDATE users SET subscribe_by_default = ? WHERE id = ?").params(subscribed, userId).update();
    }

    /** The user's choices by project id: true for on, false for off; absent projects follow the default. */
    Map<Long, Boolean> choices(long userId) {
        Map<Long, Boolean> choices = new HashMap<>();
        jdbc.sql("SELECT project_id, subscribed FROM user_project_alerts WHERE user_id = ?").param(userId)
                .query(rs -> {
                    choices.put(rs.getLong(1), rs.getBoolean(2));
                });
        return choices;
    }

    /** Sets the choice for a project the caller can read; null returns it to the default. */
    void choose(long userId, long projectId, Boolean subscribed) {
        if (subscribed == null) {
            jdbc.sql("DELETE FROM user_project_alerts WHERE user_id = ? AND project_id = ?").params(userId, projectId)
                    .update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO user_project_alerts (user_id, project_id, subscribed) VALUES (?, ?, ?)
                        ON CONFLICT (user_id, project_id) DO UPDATE SET subscribed = excluded.subscribed""")
                .params(userId, projectId, subscribed).update();
    }
}
