package dev.faultline.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Lenient reading of SDK payloads, where any field may hold any type. */
final class Json {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** The text of a string node; null for anything else. */
    static String string(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** The text of a non-blank string node; null for anything else. */
    static String nonBlank(JsonNode node) {
        String text = string(node);
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * Strings as they are, numbers as JSON writes them and booleans the way Python and relay print them ({@code True}),
     * so tags from every SDK read alike; null for null and containers.
     */
    static String scalar(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "True" : "False";
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.asString();
        }
        return null;
    }

    static ObjectNode object(JsonNode node) {
        return node != null && node.isObject() ? (ObjectNode) node : null;
    }

    static ArrayNode array(JsonNode node) {
        return node != null && node.isArray() ? (ArrayNode) node : null;
    }

    /** The items of Sentry's list interfaces, sent either as a list or as {@code {"values": [...]}}. */
    static List<JsonNode> values(JsonNode node) {
        ArrayNode list = array(node);
        if (list == null && node != null && node.isObject()) {
            list = array(node.get("values"));
        }
        List<JsonNode> items = new ArrayList<>();
        if (list != null) {
            list.forEach(items::add);
        }
        return items;
    }

    static ArrayNode arrayOf(List<? extends JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    static ObjectNode valuesOf(List<? extends JsonNode> items) {
        ObjectNode wrapper = NODES.objectNode();
        wrapper.set("values", arrayOf(items));
        return wrapper;
    }

    static ArrayNode pair(String key, String value) {
        ArrayNode pair = NODES.arrayNode();
        pair.add(key);
        pair.add(value);
        return pair;
    }

    /** The property names of an object, copied so the object may be changed while they are visited. */
    static List<String> names(ObjectNode object) {
        return new ArrayList<>(object.propertyNames());
    }

    static List<Map.Entry<String, JsonNode>> entries(ObjectNode object) {
        return new ArrayList<>(object.properties());
    }

    /**
     * Passes each value of the object through {@code change} (name, value), and puts back only those it returns
     * anew: the walks over a whole event change few of its values, and putting back every one costs a map update
     * each.
     */
    static void replaceValues(ObjectNode object, BiFunction<String, JsonNode, JsonNode> change) {
        Map<String, JsonNode> changed = null;
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode value = change.apply(entry.getKey(), entry.getValue());
            if (value != entry.getValue()) {
                changed = changed == null ? new LinkedHashMap<>() : changed;
                changed.put(entry.getKey(), value);
            }
        }
        if (changed != null) {
            object.setAll(changed);
        }
    }

    /** Passes each item of the array through {@code change}, and puts back only those it returns anew. */
    static void replaceItems(ArrayNode array, UnaryOperator<JsonNode> change) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = change.apply(array.get(i));
            if (item != array.get(i)) {
                array.set(i, item);
            }
        }
    }

    /**
     * Cuts a string to at most {@code max} characters the way relay does, ending it with "..." so a reader sees it
     * was cut, and without splitting a surrogate pair.
     */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max - 3);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }

    /** Puts a string, or removes the field when the string is null. */
    static void putOrRemove(ObjectNode object, String name, String value) {
        if (value == null) {
            object.remove(name);
        } else {
            object.put(name, value);
        }
    }

    static ObjectNode object() {
        return NODES.objectNode();
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
