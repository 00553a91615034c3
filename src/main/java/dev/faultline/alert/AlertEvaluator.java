package dev.faultline.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what digest saw into notifications: takes the triggers, matches them against each project's rules, and
 * queues a delivery per recipient for every rule that fires, in one transaction. One instance evaluates at a time
 * (an advisory lock), so two never notify about the same issue for the same rule; a rule notifies about an issue
 * once until the issue regresses or the rule's cool-down has passed.
 */
@Component
class AlertEvaluator {

    private static final long LOCK = 0x616c657274730001L;
    static final int BATCH = 1000;

    private record Seen(long issueId, long projectId, String environment, int maxLevel, boolean created,
            boolean regressed) {
    }

    private record Firing(AlertRule rule, long issueId, String kind, String environment) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AlertRuleRepository rules;
    private final IssueFacts facts;
    private final AlertAudience audience;
    private final DeliveryQueue deliveries;
    private final JsonMapper json;

    AlertEvaluator(JdbcClient jdbc, TransactionTemplate transaction, AlertRuleRepository rules, IssueFacts facts,
            AlertAudience audience, DeliveryQueue deliveries, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.rules = rules;
        this.facts = facts;
        this.audience = audience;
        this.deliveries = deliveries;
        this.json = json;
    }

    /** Evaluates a batch of triggers; returns how many deliveries it queued, or -1 when there was nothing to do. */
    int evaluateOnce() {
        Integer queued = transaction.execute(status -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
                return -1;
            }
            List<Seen> seen = take();
            return seen.isEmpty() ? -1 : evaluate(seen);
        });
        return queued == null ? -1 : queued;
    }

    private List<Seen> take() {
        return jdbc.sql("""
                        DELETE FROM alert_triggers WHERE id IN (SELECT id FROM alert_triggers ORDER BY id LIMIT ?)
                        RETURNING issue_id, project_id, environment, max_level, created, regressed""")
                .param(BATCH)
                .query((rs, row) -> new Seen(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .list();
    }

    private int evaluate(List<Seen> seen) {
        Set<Long> regressed = seen.stream().filter(Seen::regressed).map(Seen::issueId).collect(Collectors.toSet());
        if (!regressed.isEmpty()) {
            jdbc.sql("DELETE FROM alert_notified WHERE issue_id = ANY(?)").param(regressed.toArray(Long[]::new))
                    .update();
        }
        Map<Long, List<AlertRule>> rulesByProject = rules.listOfProjects(seen.stream().map(Seen::projectId)
                .distinct().toList()).stream().collect(Collectors.groupingBy(AlertRule::projectId));
        Map<Long, List<Seen>> byIssue = seen.stream().collect(Collectors.groupingBy(Seen::issueId,
                LinkedHashMap::new, Collectors.toList()));
        List<Firing> candidates = new ArrayList<>();
        byIssue.forEach((issueId, ofIssue) -> {
            for (AlertRule rule : rulesByProject.getOrDefault(ofIssue.getFirst().projectId(), List.of())) {
                List<Seen> matching = ofIssue.stream().filter(one -> matches(rule, one)).toList();
                Seen first = switch (rule.trigger()) {
                    case NEW_ISSUE -> matching.stream().filter(Seen::created).findFirst().orElse(null);
                    case REGRESSION -> matching.stream().filter(Seen::regressed).findFirst().orElse(null);
                    case FREQUENCY -> matching.isEmpty() ? null : matching.getFirst();
                };
                if (first != null) {
                    candidates.add(new Firing(rule, issueId, kind(rule.trigger()), first.environment()));
                }
            }
        });
        List<Firing> due = candidates.isEmpty() ? List.of() : notifiable(candidates).stream()
                .filter(candidate -> candidate.rule().trigger() != Trigger.FREQUENCY || reachedQuantity(candidate))
                .toList();
        if (due.isEmpty()) {
            return 0;
        }
        // An ignored issue stays quiet; a deleted one has nothing left to tell.
        Map<Long, IssueFacts.Facts> issues = facts.of(due.stream().map(Firing::issueId).distinct().toList());
        List<Firing> firing = due.stream().filter(candidate -> issues.containsKey(candidate.issueId())
                && !issues.get(candidate.issueId()).ignored()).toList();
        if (firing.isEmpty()) {
            return 0;
        }
        markNotified(firing);
        return deliveries.enqueue(deliveriesOf(firing, issues));
    }

    private static boolean matches(AlertRule rule, Seen seen) {
        return (rule.minLevel() == null || seen.maxLevel() >= rule.minLevel().code())
                && (rule.environment() == null || rule.environment().equals(seen.environment()));
    }

    private static String kind(Trigger trigger) {
        return switch (trigger) {
            case NEW_ISSUE -> "created";
            case REGRESSION -> "regressed";
            case FREQUENCY -> "frequency";
        };
    }

    /** The candidates whose rule has not notified about the issue within its cool-down. */
    private List<Firing> notifiable(List<Firing> candidates) {
        Set<String> recent = new HashSet<>();
        jdbc.sql("""
                        SELECT n.rule_id, n.issue_id FROM alert_notified n
                        JOIN unnest(?::bigint[], ?::bigint[]) AS c(rule_id, issue_id)
                          ON c.rule_id = n.rule_id AND c.issue_id = n.issue_id
                        JOIN alert_rules r ON r.id = n.rule_id
                        WHERE n.notified_at > now() - make_interval(mins => r.cooldown_minutes)""")
                .params(candidates.stream().map(c -> c.rule().id()).toArray(Long[]::new),
                        candidates.stream().map(Firing::issueId).toArray(Long[]::new))
                .query(rs -> {
                    recent.add(rs.getLong(1) + ":" + rs.getLong(2));
                });
        return candidates.stream().filter(c -> !recent.contains(c.rule().id() + ":" + c.issueId())).toList();
    }

    /**
     * Whether the issue has at least N matching events within the last M minutes. Reads at most N rows of the
     * events index, so a busy issue costs no more than a quiet one.
     */
    private boolean reachedQuantity(Firing candidate) {
        AlertRule rule = candidate.rule();
        return jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT 1 FROM events
                            WHERE issue_id = ? AND received_at > now() - make_interval(mins => ?)
                              AND level >= ? AND (?::text IS NULL OR environment = ?)
                            LIMIT ?) AS recent""")
                .params(candidate.issueId(), rule.timespanMinutes(),
                        rule.minLevel() == null ? 0 : rule.minLevel().code(), rule.environment(), rule.environment(),
                        rule.quantity())
                .query(Integer.class).single() >= rule.quantity();
    }

    private void markNotified(List<Firing> firing) {
        jdbc.sql("""
                        INSERT INTO alert_notified (rule_id, issue_id, notified_at)
                        SELECT v.rule_id, v.issue_id, now() FROM unnest(?::bigint[], ?::bigint[]) AS v(rule_id, issue_id)
                        ON CONFLICT (rule_id, issue_id) DO UPDATE SET notified_at = excluded.notified_at""")
                .params(firing.stream().map(f -> f.rule().id()).toArray(Long[]::new),
                        firing.stream().map(Firing::issueId).toArray(Long[]::new))
                .update();
    }

    private List<DeliveryQueue.NewDelivery> deliveriesOf(List<Firing> firing, Map<Long, IssueFacts.Facts> issues) {
        Map<Long, List<String>> emails = new HashMap<>();
        List<DeliveryQueue.NewDelivery> queued = new ArrayList<>();
        for (Firing one : firing) {
            IssueFacts.Facts issue = issues.get(one.issueId());
            String message = json.writeValueAsString(facts.notification(one.kind(), one.rule(), issue,
                    one.environment()));
            for (Recipient recipient : one.rule().recipients()) {
                if (recipient.kind() == RecipientKind.EMAIL) {
                    emails.computeIfAbsent(one.rule().projectId(), audience::emails)
                            .forEach(email -> queued.add(new DeliveryQueue.NewDelivery(recipient.id(), email, message)));
                }
                else {
                    queued.add(new DeliveryQueue.NewDelivery(recipient.id(), null, message));
                }
            }
        }
        return queued;
    }
}
