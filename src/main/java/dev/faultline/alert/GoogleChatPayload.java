package dev.faultline.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Google Chat's incoming webhook format: a {@code text} fallback and a card (cardsV2) with the facts and a button. */
final class GoogleChatPayload {

    private GoogleChatPayload() {
    }

    static Map<String, Object> of(Notification n) {
        List<Map<String, Object>> widgets = new ArrayList<>();
        n.facts().forEach((label, value) -> widgets.add(Map.of("decoratedText",
                Map.of("topLabel", label, "text", value))));
        widgets.add(Map.of("buttonList", Map.of("buttons", List.of(Map.of("text", "View issue",
                "onClick", Map.of("openLink", Map.of("url", n.url())))))));
        Map<String, Object> card = Map.of(
                "header", Map.of("title", n.shortId() + " " + n.title(), "subtitle", n.headline()),
                "sections", List.of(Map.of("widgets", widgets)));
        return Map.of(
                "text", n.headline() + " " + n.url(),
                "cardsV2", List.of(Map.of("cardId", "faultline-issue-" + n.issueId(), "card", card)));
    }
}
