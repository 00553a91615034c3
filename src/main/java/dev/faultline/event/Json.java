package dev.faultline.event;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Lenient reads of SDK data: a field of the wrong type reads as absent. */
final class Json {

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The field's text when it is a non-blank string, else null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }

    /** The field's value when it is a JSON object, else null. */
    static ObjectNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? (ObjectNode) value : null;
    }

    static boolean isTrue(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /** The objects in the field's list, skipping anything else; empty when the field is not a list. */
    static List<ObjectNode> objects(JsonNode node, String field) {
        JsonNode list = node == null ? null : node.get(field);
        List<ObjectNode> objects = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode element : list) {
                if (element.isObject()) {
                    objects.add((ObjectNode) element);
                }
            }
        }
        return objects;
    }

    /** The objects of an interface of the form {@code {"values": [...]}}, such as {@code exception}. */
    static List<ObjectNode> values(JsonNode event, String field) {
        return objects(object(event, field), "values");
    }

    /** The frames of a stack trace object. */
    static List<ObjectNode> frames(JsonNode holder) {
        return objects(object(holder, "stacktrace"), "frames");
    }
}
