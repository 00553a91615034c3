package dev.faultline.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Microsoft Teams through a Workflows ("Post to a channel when a webhook request is received") URL: a message whose
 * attachment is an Adaptive Card, the format that replaced Office 365 connectors' MessageCard.
 */
final class TeamsPayload {

    private TeamsPayload() {
    }

    static Map<String, Object> of(Notification n) {
        List<Map<String, Object>> body = new ArrayList<>();
        body.add(Map.of("type", "TextBlock", "text", n.headline(), "weight", "Bolder", "size", "Medium",
                "wrap", true));
        if (n.culprit() != null && !n.culprit().isBlank()) {
            body.add(Map.of("type", "TextBlock", "text", n.culprit(), "isSubtle", true, "wrap", true));
        }
        body.add(Map.of("type", "FactSet", "facts", n.facts().entrySet().stream()
                .map(fact -> Map.of("title", fact.getKey(), "value", fact.getValue())).toList()));
        Map<String, Object> card = Map.of(
                "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                "type", "AdaptiveCard",
                "version", "1.4",
                "body", body,
                "actions", List.of(Map.of("type", "Action.OpenUrl", "title", "View issue", "url", n.url())));
        var attachment = new java.util.LinkedHashMap<String, Object>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("contentUrl", null);
        attachment.put("content", card);
        return Map.of("type", "message", "attachments", List.of(attachment));
    }
}
