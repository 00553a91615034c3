package dev.faultline.alert;

import java.util.List;
import java.util.Map;

/**
 * Slack's incoming webhook format, which Mattermost takes as well: a {@code text} line and a colored legacy
 * attachment with the facts as short fields (both Slack and Mattermost render attachments; blocks are Slack's only).
 */
final class SlackPayload {

    private SlackPayload() {
    }

    static Map<String, Object> of(Notification n) {
        List<Map<String, Object>> fields = n.facts().entrySet().stream()
                .map(fact -> Map.<String, Object>of("title", fact.getKey(), "value", fact.getValue(), "short", true))
                .toList();
        return Map.of(
                "text", n.headline(),
                "attachments", List.of(Map.of(
                        "fallback", n.headline() + " " + n.url(),
                        "color", "#%06x".formatted(n.color()),
                        "title", n.shortId() + " " + n.title(),
                        "title_link", n.url(),
                        "text", n.culprit() == null ? "" : n.culprit(),
                        "fields", fields,
                        "footer", n.ruleName())));
    }
}
