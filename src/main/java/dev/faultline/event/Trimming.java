package dev.faultline.event;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Size limits on free-form data, after relay's trimming: every walk over an event relies on {@link #limitDepth}
 * having run first, so no later step recurses deeper than {@link #MAX_DEPTH}.
 */
final class Trimming {

    /** Containers nested deeper than this anywhere in an event become their (cut) JSON text. */
    static final int MAX_DEPTH = 32;
    /** Any string longer than this is cut; relay's largest data bag holds 16 KiB. */
    static final int MAX_STRING_CHARS = 16_384;

    /**
     * A data bag: free-form values (extra, contexts, frame vars ...) kept to {@code levels} nested containers, below
     * which containers become JSON text, and to about {@code maxBytes} of JSON, after which entries are dropped.
     * The sizes are relay's "small/medium/large/larger" bags.
     */
    record Bag(int levels, int maxBytes) {
        static final Bag MEDIUM = new Bag(3, 2048);
        static final Bag LARGE = new Bag(5, 8192);
        static final Bag LARGER = new Bag(5, 16_384);
    }

    private Trimming() {
    }

    /** Cuts containers below {@link #MAX_DEPTH} and strings over {@link #MAX_STRING_CHARS}, in place. */
    static void limitDepth(ObjectNode event) {
        limitChildren(event, 1);
    }

    private static void limitChildren(JsonNode container, int depth) {
        if (container instanceof ObjectNode object) {
            Json.replaceValues(object, (name, value) -> limited(value, depth));
        } else if (container instanceof ArrayNode array) {
            Json.replaceItems(array, item -> limited(item, depth));
        }
    }

    private static JsonNode limited(JsonNode node, int depth) {
        if (node.isString() && node.stringValue().length() > MAX_STRING_CHARS) {
            return Json.NODES.stringNode(Json.cut(node.stringValue(), MAX_STRING_CHARS));
        }
        if (node.isContainer()) {
            if (depth >= MAX_DEPTH) {
                return Json.NODES.stringNode(BoundedJson.write(node, MAX_STRING_CHARS));
            }
            limitChildren(node, depth + 1);
        }
        return node;
    }

    /** The value trimmed to the bag's limits; null when nothing of it fits. */
    static JsonNode bag(JsonNode value, Bag bag) {
        int[] budget = {bag.maxBytes()};
        return trimmed(value, bag.levels(), budget);
    }

    /** Trims each value of an object as its own bag, as relay does for {@code extra}. */
    static void eachAsBag(ObjectNode object, Bag bag) {
        for (Map.Entry<String, JsonNode> entry : Json.entries(object)) {
            JsonNode value = bag(entry.getValue(), bag);
            if (value == null) {
                object.remove(entry.getKey());
            } else {
                object.set(entry.getKey(), value);
            }
        }
    }

    private static JsonNode trimmed(JsonNode node, int levels, int[] budget) {
        if (budget[0] <= 0) {
            return null;
        }
        if (node.isContainer() && levels <= 0) {
            return trimmedString(BoundedJson.write(node, budget[0]), budget);
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = Json.NODES.objectNode();
            budget[0] -= 2;
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                budget[0] -= entry.getKey().length() + 4;
                JsonNode value = trimmed(entry.getValue(), levels - 1, budget);
                if (value == null) {
                    break;
                }
                copy.set(entry.getKey(), value);
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = Json.NODES.arrayNode();
            budget[0] -= 2;
            for (JsonNode item : array) {
                JsonNode value = trimmed(item, levels - 1, budget);
                if (value == null) {
                    break;
                }
                copy.add(value);
            }
            return copy;
        }
        if (node.isString()) {
            return trimmedString(node.stringValue(), budget);
        }
        budget[0] -= node.toString().length() + 1;
        return node;
    }

    private static JsonNode trimmedString(String text, int[] budget) {
        String cut = Json.cut(text, Math.max(budget[0], 3));
        budget[0] -= cut.length() + 3;
        return Json.NODES.stringNode(cut);
    }
}
