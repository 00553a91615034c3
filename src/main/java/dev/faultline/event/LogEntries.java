package dev.faultline.event;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The event's message: {@code message} and {@code logentry} folded into one {@code logentry}, formatted. */
final class LogEntries {

    /** Relay's limit for messages. */
    static final int MAX_MESSAGE_CHARS = 8192;

    private LogEntries() {
    }

    static void normalize(ObjectNode event) {
        ObjectNode logentry = read(event.get("logentry"));
        if (logentry == null) {
            logentry = read(event.get("message"));
        }
        event.remove("message");
        if (logentry == null) {
            event.remove("logentry");
        } else {
            event.set("logentry", logentry);
        }
    }

    /** A log entry from a string or an object; null when it has no text. */
    private static ObjectNode read(JsonNode node) {
        String formatted;
        String message;
        JsonNode params = null;
        if (node != null && node.isObject()) {
            formatted = Json.string(node.get("formatted"));
            message = Json.scalar(node.get("message"));
            params = node.get("params");
        } else {
            formatted = Json.scalar(node);
            message = null;
        }
        if (formatted == null && message == null) {
            return null;
        }
        if (params != null && !params.isNull() && formatted == null) {
            formatted = MessageFormats.format(message, params);
        }
        if (formatted == null || formatted.equals(message)) {
            formatted = message;
            message = null;
        }
        ObjectNode logentry = Json.NODES.objectNode();
        logentry.put("formatted", Json.cut(formatted, MAX_MESSAGE_CHARS));
        if (message != null) {
            logentry.put("message", Json.cut(message, MAX_MESSAGE_CHARS));
        }
        if (params != null && !params.isNull()) {
            JsonNode trimmed = Trimming.bag(params, Trimming.Bag.LARGE);
            if (trimmed != null) {
                logentry.set("params", trimmed);
            }
        }
        return logentry;
    }
}
