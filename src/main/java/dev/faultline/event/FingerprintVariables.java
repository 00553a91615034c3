package dev.faultline.event;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The variables of a custom fingerprint, such as {@code {{ transaction }}}, resolved against the event. A variable
 * without a value becomes a fixed marker, as in Sentry, so that all events lacking it group together.
 */
final class FingerprintVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^\\s}]+)\\s*\\}\\}");

    private FingerprintVariables() {
    }

    static boolean isDefault(String entry) {
        String name = name(entry);
        return name != null && name.equalsIgnoreCase("default");
    }

    /** The entry's value: the entry itself unless it is a variable. */
    static String resolve(String entry, ObjectNode event) {
        String name = name(entry);
        if (name == null) {
            return entry;
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (key.startsWith("tags.")) {
            String tag = name.substring("tags.".length());
            return orMarker(tag(event, tag), "no-value-for-tag-" + tag);
        }
        ObjectNode main = last(Json.values(event, "exception"));
        return switch (key) {
            case "transaction" -> orMarker(Json.text(event, "transaction"), "no-transaction");
            case "type", "error.type" -> orMarker(Json.text(main, "type"), "no-type");
            case "value", "error.value" -> orMarker(Json.text(main, "value"), "no-value");
            case "message" -> orMarker(message(event, main), "no-message");
            case "function", "stack.function" -> orMarker(Json.text(crashFrame(event), "function"), "no-function");
            case "module", "stack.module" -> orMarker(Json.text(crashFrame(event), "module"), "no-module");
            case "level" -> orMarker(Json.text(event, "level"), "no-level");
            case "logger" -> orMarker(Json.text(event, "logger"), "no-logger");
            default -> "<unrecognized-variable-" + name + ">";
        };
    }

    private static String name(String entry) {
        Matcher matcher = VARIABLE.matcher(entry.strip());
        return matcher.matches() ? matcher.group(1) : null;
    }

    private static String orMarker(String value, String marker) {
        return value != null ? value : "<" + marker + ">";
    }

    private static String message(ObjectNode event, ObjectNode mainException) {
        ObjectNode logentry = Json.object(event, "logentry");
        String formatted = Json.text(logentry, "formatted");
        if (formatted != null) {
            return formatted;
        }
        String template = Json.text(logentry, "message");
        return template != null ? template : Json.text(mainException, "value");
    }

    /** Tags as the normalizer writes them, {@code [[key, value], ...]}, or as an object of key to value. */
    private static String tag(ObjectNode event, String key) {
        JsonNode tags = event.get("tags");
        if (tags != null && tags.isObject()) {
            return Json.text(tags, key);
        }
        if (tags != null && tags.isArray()) {
            for (JsonNode pair : tags) {
                if (pair.isArray() && pair.size() == 2 && pair.get(0).isString()
                        && key.equals(pair.get(0).stringValue())
                        && pair.get(1).isString()) {
                    return pair.get(1).stringValue();
                }
            }
        }
        return null;
    }

    /**
     * The frame closest to the crash in the main exception's stack, else the top-level or single thread's: the last
     * in-app frame, else the last frame.
     */
    private static ObjectNode crashFrame(ObjectNode event) {
        List<ObjectNode> frames = Json.frames(last(Json.values(event, "exception")));
        if (frames.isEmpty()) {
            frames = Json.frames(event);
        }
        List<ObjectNode> threads = Json.values(event, "threads");
        if (frames.isEmpty() && threads.size() == 1) {
            frames = Json.frames(threads.getFirst());
        }
        for (ObjectNode frame : frames.reversed()) {
            if (Json.isTrue(frame, "in_app")) {
                return frame;
            }
        }
        return frames.isEmpty() ? null : frames.getLast();
    }

    private static ObjectNode last(List<ObjectNode> list) {
        return list.isEmpty() ? null : list.getLast();
    }
}
