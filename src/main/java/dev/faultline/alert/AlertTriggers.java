package dev.faultline.alert;

import java.util.List;

import dev.faultline.event.DigestListener;
import dev.faultline.work.Wakeup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What digest tells alerts, inside the digest's transaction: one statement per batch, kept only for projects that
 * have rules. Committed with the events, so nothing digested is missed; evaluated later by {@link AlertEvaluator}.
 */
@Component
class AlertTriggers implements DigestListener {

    private final JdbcClient jdbc;
    private final Wakeup evaluation;

    AlertTriggers(JdbcClient jdbc, Wakeup wakeup) {
        this.jdbc = jdbc;
        this.evaluation = wakeup;
    }

    @Override
    public void digested(List<Seen> seen) {
        if (seen.isEmpty()) {
            return;
        }
        int added = jdbc.sql("""
                        INSERT INTO alert_triggers (project_id, issue_id, environment, max_level, created, regressed)
                        SELECT v.* FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::smallint[], ?::boolean[],
                                               ?::boolean[]) AS v(project_id, issue_id, environment, max_level,
                                                                  created, regressed)
                        WHERE EXISTS (SELECT 1 FROM alert_rules r WHERE r.project_id = v.project_id)""")
                .params(seen.stream().map(Seen::projectId).toArray(Long[]::new),
                        seen.stream().map(Seen::issueId).toArray(Long[]::new),
                        seen.stream().map(Seen::environment).toArray(String[]::new),
                        seen.stream().map(Seen::maxLevel).toArray(Integer[]::new),
                        seen.stream().map(Seen::created).toArray(Boolean[]::new),
                        seen.stream().map(Seen::regressed).toArray(Boolean[]::new))
                .update();
        if (added > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evaluation.signal();
                }
            });
        }
    }
}
