package dev.faultline.alert;

import java.util.List;
import java.util.Map;

/** Discord's webhook format: {@code content} and an embed with inline fields; titles are cut to Discord's limits. */
final class DiscordPayload {

    private DiscordPayload() {
    }

    static Map<String, Object> of(Notification n) {
        List<Map<String, Object>> fields = n.facts().entrySet().stream()
                .map(fact -> Map.<String, Object>of("name", fact.getKey(), "value", cut(fact.getValue(), 1024),
                        "inline", true))
                .toList();
        return Map.of(
                "content", cut(n.headline(), 2000),
                "embeds", List.of(Map.of(
                        "title", cut(n.shortId() + " " + n.title(), 256),
                        "url", n.url(),
                        "description", cut(n.culprit() == null ? "" : n.culprit(), 4096),
                        "color", n.color(),
                        "fields", fields,
                        "footer", Map.of("text", cut(n.ruleName(), 2048)))));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
