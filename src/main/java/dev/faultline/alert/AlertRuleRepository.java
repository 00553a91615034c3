package dev.faultline.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.faultline.event.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rules and their recipients; every read is scoped by the project, itself found through the caller's membership. */
@Repository
class AlertRuleRepository {

    private static final String RULE_COLUMNS = """
            id, project_id, name, trigger, quantity, timespan_minutes, min_level, environment, cooldown_minutes,
            created_at""";

    private final JdbcClient jdbc;

    AlertRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AlertRule> list(long projectId) {
        return withRecipients(jdbc.sql("SELECT " + RULE_COLUMNS + " FROM alert_rules WHERE project_id = ? ORDER BY id")
                .param(projectId).query(AlertRuleRepository::rule).list());
    }

    /** The rules of these projects, for the evaluator. */
    List<AlertRule> listOfProjects(List<Long> projectIds) {
        return withRecipients(jdbc.sql("SELECT " + RULE_COLUMNS + " FROM alert_rules WHERE project_id = ANY(?) ORDER BY id")
                .param(projectIds.toArray(Long[]::new)).query(AlertRuleRepository::rule).list());
    }

    Optional<AlertRule> find(long projectId, long id) {
        return jdbc.sql("SELECT " + RULE_COLUMNS + " FROM alert_rules WHERE project_id = ? AND id = ?")
                .params(projectId, id).query(AlertRuleRepository::rule).optional()
                .map(rule -> withRecipients(List.of(rule)).getFirst());
    }

    long insert(long projectId, RuleDraft draft) {
        return jdbc.sql("""
                        INSERT INTO alert_rules (project_id, name, trigger, quantity, timespan_minutes, min_level,
                                                 environment, cooldown_minutes)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(projectId, draft.name(), draft.trigger().value(), draft.quantity(), draft.timespanMinutes(),
                        draft.minLevel() == null ? null : draft.minLevel().code(), draft.environment(),
                        draft.cooldownMinutes())
                .query(Long.class).single();
    }

    void update(long projectId, long id, RuleDraft draft) {
        jdbc.sql("""
                        UPDATE alert_rules SET name = ?, trigger = ?, quantity = ?, timespan_minutes = ?, min_level = ?,
                                               environment = ?, cooldown_minutes = ?
                        WHERE project_id = ? AND id = ?""")
                .params(draft.name(), draft.trigger().value(), draft.quantity(), draft.timespanMinutes(),
                        draft.minLevel() == null ? null : draft.minLevel().code(), draft.environment(),
                        draft.cooldownMinutes(), projectId, id)
                .update();
    }

    void delete(long projectId, long id) {
        jdbc.sql("DELETE FROM alert_rules WHERE project_id = ? AND id = ?").params(projectId, id).update();
    }

    long insertRecipient(long ruleId, RecipientKind kind, String url, String secret) {
        return jdbc.sql("INSERT INTO alert_recipients (rule_id, kind, url, secret) VALUES (?, ?, ?, ?) RETURNING id")
                .params(ruleId, kind.value(), url, secret).query(Long.class).single();
    }

    void deleteRecipient(long ruleId, long id) {
        jdbc.sql("DELETE FROM alert_recipients WHERE rule_id = ? AND id = ?").params(ruleId, id).update();
    }

    private List<AlertRule> withRecipients(List<AlertRule> rules) {
        if (rules.isEmpty()) {
            return rules;
        }
        Map<Long, List<Recipient>> byRule = new LinkedHashMap<>();
        jdbc.sql("SELECT id, rule_id, kind, url, secret FROM alert_recipients WHERE rule_id = ANY(?) ORDER BY id")
                .param(rules.stream().map(AlertRule::id).toArray(Long[]::new))
                .query((rs, row) -> new Recipient(rs.getLong(1), rs.getLong(2), RecipientKind.of(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .list().forEach(recipient -> byRule.computeIfAbsent(recipient.ruleId(), id -> new ArrayList<>())
                        .add(recipient));
        return rules.stream().map(rule -> new AlertRule(rule.id(), rule.projectId(), rule.name(), rule.trigger(),
                rule.quantity(), rule.timespanMinutes(), rule.minLevel(), rule.environment(), rule.cooldownMinutes(),
                rule.createdAt(), List.copyOf(byRule.getOrDefault(rule.id(), List.of())))).toList();
    }

    private static AlertRule rule(ResultSet rs, int row) throws SQLException {
        Integer level = rs.getObject("min_level", Integer.class);
        return new AlertRule(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"),
                Trigger.of(rs.getString("trigger")), rs.getObject("quantity", Integer.class),
                rs.getObject("timespan_minutes", Integer.class), level == null ? null : Level.of(level),
                rs.getString("environment"), rs.getInt("cooldown_minutes"),
                rs.getTimestamp("created_at").toInstant(), List.of());
    }
}
