package dev.faultline.alert;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.config.Settings;
import dev.faultline.event.Level;
import dev.faultline.project.Project;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a notification tells about an issue, its project and organization, with the link to its page. */
@Component
class IssueFacts {

    record Facts(long issueId, String shortId, String title, String culprit, String level, long eventCount,
            Instant firstSeen, Instant lastSeen, String release, String projectSlug, String projectName,
            String organizationSlug, String organizationName, boolean ignored) {
    }

    private final JdbcClient jdbc;
    private final String baseUrl;

    IssueFacts(JdbcClient jdbc, Settings settings) {
        this.jdbc = jdbc;
        this.baseUrl = settings.baseUrl().toString();
    }

    Map<Long, Facts> of(List<Long> issueIds) {
        Map<Long, Facts> facts = new HashMap<>();
        jdbc.sql("""
                        SELECT i.id, i.short_id, i.title, i.culprit, i.level, i.times_seen, i.first_seen, i.last_seen,
                               i.last_release, p.slug, p.name, o.slug, o.name, i.status = 'ignored'
                        FROM issues i JOIN projects p ON p.id = i.project_id
                        JOIN organizations o ON o.id = p.organization_id
                        WHERE i.id = ANY(?)""")
                .param(issueIds.toArray(Long[]::new))
                .query(rs -> {
                    facts.put(rs.getLong(1), new Facts(rs.getLong(1),
                            Project.shortId(rs.getString(10), rs.getLong(2)), rs.getString(3),
                            rs.getString(4), Level.of(rs.getInt(5)).value(), rs.getLong(6),
                            rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getBoolean(14)));
                });
        return facts;
    }

    Notification notification(String kind, AlertRule rule, Facts facts, String environment) {
        return new Notification(kind, rule.id(), rule.title(), facts.issueId(),
                facts.shortId(), facts.title(), facts.culprit(), facts.level(), environment, facts.release(),
                facts.eventCount(), facts.firstSeen(), facts.lastSeen(), issueUrl(facts.organizationSlug(),
                facts.issueId()), facts.projectSlug(), facts.projectName(), facts.organizationSlug(),
                facts.organizationName());
    }

    private String issueUrl(String organizationSlug, long issueId) {
        return baseUrl + "/" + organizationSlug + "/issues/" + issueId;
    }
}
