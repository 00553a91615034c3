package dev.faultline.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.faultline.ingest.UnixSeconds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lenient reads of a stored event body for the read side: normalization fixed its shape, but bodies stored by older
 * versions, or fields it keeps as sent, may hold anything, and a view must show what it can rather than fail.
 */
final class EventFields {

    private EventFields() {
    }

    /** A string as it is, a number or boolean as JSON writes it; null for anything else. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainer() || node.isMissingNode()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }

    static String text(JsonNode node, String field) {
        return node == null ? null : text(node.get(field));
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : null;
    }

    /** True, false, or null when the field is not a boolean. */
    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }

    static ObjectNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value instanceof ObjectNode object ? object : null;
    }

    /** The objects of a list interface, sent as a list or as {@code {"values": [...]}}; others are skipped. */
    static List<ObjectNode> values(JsonNode node) {
        JsonNode list = node instanceof ObjectNode object ? object.get("values") : node;
        List<ObjectNode> objects = new ArrayList<>();
        if (list instanceof ArrayNode array) {
            for (JsonNode item : array) {
                if (item instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    /** The frames of an exception's or thread's stack trace, oldest first. */
    static List<ObjectNode> frames(JsonNode holder) {
        ObjectNode stacktrace = object(holder, "stacktrace");
        return stacktrace == null ? List.of() : values(stacktrace.get("frames"));
    }

    /**
     * Name and value pairs from a list of {@code [name, value]} pairs (headers, query, tags) or from an object;
     * values shown by {@link #display}.
     */
    static List<EventView.Pair> pairs(JsonNode node) {
        List<EventView.Pair> pairs = new ArrayList<>();
        if (node instanceof ArrayNode list) {
            for (JsonNode item : list) {
                if (item instanceof ArrayNode pair && pair.size() == 2 && text(pair.get(0)) != null) {
                    pairs.add(new EventView.Pair(text(pair.get(0)), display(pair.get(1))));
                }
            }
        } else if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                pairs.add(new EventView.Pair(entry.getKey(), display(entry.getValue())));
            }
        }
        return pairs;
    }

    /**
     * Strings as they are, anything else as JSON text. Strings are not quoted: SDKs send variables and extra data
     * already rendered in their language ({@code 'abc'} or {@code None} from Python), which quotes would garble.
     */
    static String display(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        return node.isString() ? node.stringValue() : JsonMapper.shared().writeValueAsString(node);
    }

    /** A timestamp sent as Unix seconds or as an ISO-8601 string; null when it is neither. */
    static Instant instant(JsonNode node) {
        if (node != null && node.isNumber()) {
            return UnixSeconds.instant(node, null);
        }
        try {
            return node != null && node.isString() ? Instant.parse(node.stringValue()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
