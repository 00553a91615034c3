package dev.faultline.alert;

/** The body each kind of webhook expects. */
final class ChatPayloads {

    private ChatPayloads() {
    }

    static Object of(RecipientKind kind, Notification notification) {
        return switch (kind) {
            case WEBHOOK, EMAIL -> GenericPayload.of(notification);
            case SLACK -> SlackPayload.of(notification);
            case DISCORD -> DiscordPayload.of(notification);
            case MSTEAMS -> TeamsPayload.of(notification);
            case GOOGLECHAT -> GoogleChatPayload.of(notification);
        };
    }
}
