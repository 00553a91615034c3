package dev.faultline.alert;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generic webhook's body, documented in README ("Alerts"): the issue, project and rule as plain fields, with a
 * {@code text} line that Slack-compatible receivers also show.
 */
final class GenericPayload {

    private GenericPayload() {
    }

    static Map<String, Object> of(Notification n) {
        var issue = new LinkedHashMap<String, Object>();
        issue.put("id", String.valueOf(n.issueId()));
        issue.put("shortId", n.shortId());
        issue.put("title", n.title());
        issue.put("culprit", n.culprit());
        issue.put("level", n.level());
        issue.put("environment", n.environment());
        issue.put("release", n.release());
        issue.put("count", n.eventCount());
        issue.put("firstSeen", n.firstSeen());
        issue.put("lastSeen", n.lastSeen());
        issue.put("url", n.url());
        var body = new LinkedHashMap<String, Object>();
        body.put("version", 1);
        body.put("event", n.kind());
        body.put("text", n.headline() + " " + n.url());
        body.put("issue", issue);
        body.put("project", Map.of("slug", n.projectSlug(), "name", n.projectName()));
        body.put("organization", Map.of("slug", n.organizationSlug(), "name", n.organizationName()));
        body.put("rule", Map.of("id", String.valueOf(n.ruleId()), "name", n.ruleName()));
        return body;
    }
}
