package dev.faultline.alert;

import java.util.Arrays;
import java.util.Locale;

import dev.faultline.api.Problem;

/** Where a rule's notifications go: the project's team members by email, or a webhook in one of these formats. */
enum RecipientKind {
    EMAIL("email", "Email to the project's team members"),
    WEBHOOK("webhook", "Webhook (JSON, signed)"),
    SLACK("slack", "Slack or Mattermost"),
    DISCORD("discord", "Discord"),
    MSTEAMS("msteams", "Microsoft Teams (workflow)"),
    GOOGLECHAT("googlechat", "Google Chat");

    private final String value;
    private final String label;

    RecipientKind(String value, String label) {
        this.value = value;
        this.label = label;
    }

    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    boolean webhook() {
        return this != EMAIL;
    }

    /** The API's {@code recipientType}; Mattermost takes Slack's format and Teams is also spelled plainly. */
    static RecipientKind of(String value) {
        String name = value == null ? "" : value.toLowerCase(Locale.ROOT);
        String canonical = switch (name) {
            case "mattermost" -> "slack";
            case "teams" -> "msteams";
            default -> name;
        };
        return Arrays.stream(values()).filter(kind -> kind.value.equals(canonical)).findFirst()
                .orElseThrow(() -> Problem.badRequest("recipientType", "recipientType '" + value
                        + "' is unknown: use email, webhook, slack, mattermost, discord, msteams or googlechat"));
    }
}
