package dev.faultline.event;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * JSON text of a tree cut to a length, written with bounded recursion: Jackson's own writer refuses (or overflows
 * the stack on) the deeply nested values this is for.
 */
final class BoundedJson {

    /** Nesting written before the rest of a branch is left out as "...". */
    private static final int MAX_LEVELS = 8;

    private BoundedJson() {
    }

    static String write(JsonNode node, int maxChars) {
        StringBuilder out = new StringBuilder();
        append(node, out, 0, maxChars);
        return Json.cut(out.toString(), maxChars);
    }

    private static void append(JsonNode node, StringBuilder out, int level, int maxChars) {
        if (out.length() > maxChars) {
            return;
        }
        if (node.isContainer() && level >= MAX_LEVELS) {
            out.append("\"...\"");
        } else if (node.isObject()) {
            out.append('{');
            String separator = "";
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                out.append(separator).append(Json.NODES.stringNode(entry.getKey())).append(':');
                append(entry.getValue(), out, level + 1, maxChars);
                separator = ",";
                if (out.length() > maxChars) {
                    return;
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            String separator = "";
            for (JsonNode item : node) {
                out.append(separator);
                append(item, out, level + 1, maxChars);
                separator = ",";
                if (out.length() > maxChars) {
                    return;
                }
            }
            out.append(']');
        } else if (node.isString()) {
            out.append(Json.NODES.stringNode(Json.cut(node.stringValue(), maxChars)));
        } else {
            out.append(node);
        }
    }
}
