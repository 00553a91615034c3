package dev.faultline.event;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Type, title, culprit and metadata of a normalized event, by Sentry's rules (its {@code eventtypes} and
 * {@code get_culprit}), so issues read as they did in Sentry and GlitchTip.
 */
public final class EventSummaries {

    /** Sentry cuts the first line of a message or exception value to 100 characters for titles. */
    static final int MAX_TITLE_LINE_CHARS = 100;
    /** Sentry's limits for the exception value and type kept in metadata. */
    static final int MAX_METADATA_VALUE_CHARS = 1024;
    static final int MAX_METADATA_TYPE_CHARS = 128;

    private EventSummaries() {
    }

    public static EventSummary of(ObjectNode event) {
        return switch (type(event)) {
            case "transaction" -> transaction(event);
            case "error" -> error(event);
            case "csp" -> csp(event);
            default -> message(event);
        };
    }

    private static String type(ObjectNode event) {
        if ("transaction".equals(Json.string(event.get("type")))) {
            return "transaction";
        }
        if (!Json.values(event.get("exception")).isEmpty()) {
            return "error";
        }
        return event.path("csp").isObject() ? "csp" : "default";
    }

    private static EventSummary error(ObjectNode event) {
        List<JsonNode> exceptions = Json.values(event.get("exception"));
        JsonNode exception = exceptions.getLast();
        ObjectNode metadata = Json.NODES.objectNode();
        String value = Json.cut(Json.string(exception.get("value")), MAX_METADATA_VALUE_CHARS);
        metadata.put("value", value == null ? "" : value);
        if (!exception.path("mechanism").path("synthetic").asBoolean(false)) {
            String type = Json.string(exception.get("type"));
            metadata.put("type", Json.cut(type == null ? "Error" : type, MAX_METADATA_TYPE_CHARS));
        }
        ObjectNode frame = CrashFrames.crashFrame(event);
        if (frame != null) {
            String filename = Json.nonBlank(frame.get("filename"));
            Json.putOrRemove(metadata, "filename", filename != null ? filename : Json.nonBlank(frame.get("abs_path")));
            Json.putOrRemove(metadata, "function", Json.nonBlank(frame.get("function")));
        }
        String type = Json.string(metadata.get("type"));
        String title;
        if (type == null) {
            String function = Json.string(metadata.get("function"));
            title = function == null ? "<unknown>" : function;
        } else if (metadata.get("value").stringValue().isEmpty()) {
            title = type;
        } else {
            title = type + ": " + firstLine(metadata.get("value").stringValue());
        }
        return new EventSummary("error", title, culprit(event), metadata);
    }

    private static EventSummary message(ObjectNode event) {
        String title = messageTitle(event);
        ObjectNode metadata = Json.NODES.objectNode();
        metadata.put("title", title);
        return new EventSummary("default", title, culprit(event), metadata);
    }

    private static EventSummary csp(ObjectNode event) {
        String title = messageTitle(event);
        ObjectNode csp = (ObjectNode) event.get("csp");
        ObjectNode metadata = Json.NODES.objectNode();
        Json.putOrRemove(metadata, "directive", Json.string(csp.get("effective_directive")));
        String blocked = Json.string(csp.get("blocked_uri"));
        metadata.put("uri", CspReport.normalizeUri(blocked == null ? "" : blocked));
        metadata.put("message", title);
        return new EventSummary("csp", title, culprit(event), metadata);
    }

    private static EventSummary transaction(ObjectNode event) {
        String name = Json.nonBlank(event.get("transaction"));
        ObjectNode metadata = Json.NODES.objectNode();
        Json.putOrRemove(metadata, "title", name);
        return new EventSummary("transaction", name == null ? "<untitled>" : name, culprit(event), metadata);
    }

    /** The first line of the message, cut; Sentry's placeholder when there is none. */
    private static String messageTitle(ObjectNode event) {
        JsonNode logentry = event.path("logentry");
        String message = Json.nonBlank(logentry.get("formatted"));
        message = message == null ? Json.nonBlank(logentry.get("message")) : message;
        return message == null ? "<unlabeled event>" : firstLine(message.strip());
    }

    private static String firstLine(String text) {
        String[] lines = text.split("\\R", 2);
        return Json.cut(lines.length == 0 ? "" : lines[0], MAX_TITLE_LINE_CHARS);
    }

    /** The SDK's culprit, else the transaction (newer SDKs' route names), else one made from the crash frame. */
    private static String culprit(ObjectNode event) {
        String culprit = Json.nonBlank(event.get("culprit"));
        if (culprit == null) {
            culprit = Json.nonBlank(event.get("transaction"));
        }
        return culprit == null ? CrashFrames.generate(event) : Json.cut(culprit, CrashFrames.MAX_CULPRIT_CHARS);
    }
}
