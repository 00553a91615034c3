package dev.faultline.event;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code exception}, {@code stacktrace} and {@code threads} interfaces. */
final class Exceptions {

    /** Relay limits the value like a message; for the type we take its symbol limit (Sentry shows 128). */
    static final int MAX_TYPE_CHARS = 256;
    static final int MAX_VALUE_CHARS = LogEntries.MAX_MESSAGE_CHARS;

    /** "ValueError: message" sent as the value alone, which relay splits into type and value. */
    private static final Pattern TYPE_IN_VALUE = Pattern.compile("^(\\w+):(.*)$", Pattern.DOTALL);

    private Exceptions() {
    }

    static void normalize(ObjectNode event) {
        List<ObjectNode> exceptions = new ArrayList<>();
        for (JsonNode item : items(event.get("exception"))) {
            ObjectNode exception = exception(item);
            if (exception != null) {
                exceptions.add(exception);
            }
        }
        ObjectNode stacktrace = Stacktraces.normalize(event.get("stacktrace"));
        event.remove("stacktrace");
        if (exceptions.isEmpty()) {
            event.remove("exception");
            if (stacktrace != null) {
                event.set("stacktrace", stacktrace);
            }
        } else {
            ObjectNode main = exceptions.getLast();
            if (stacktrace != null && !main.has("stacktrace")) {
                main.set("stacktrace", stacktrace);
            }
            event.set("exception", Json.valuesOf(exceptions));
        }
        threads(event);
    }

    /** A list, {@code {"values": [...]}} or a lone exception object. */
    private static List<JsonNode> items(JsonNode node) {
        if (node != null && node.isObject() && !node.has("values")) {
            return List.of(node);
        }
        return Json.values(node);
    }

    private static ObjectNode exception(JsonNode node) {
        ObjectNode exception = Json.object(node);
        if (exception == null) {
            return null;
        }
        String type = Json.nonBlank(exception.get("type"));
        String value = lenientText(exception.get("value"));
        if (type == null && value != null) {
            Matcher matcher = TYPE_IN_VALUE.matcher(value);
            if (matcher.matches()) {
                type = matcher.group(1);
                value = matcher.group(2).strip();
            }
        }
        if (type == null && (value == null || value.isEmpty())) {
            return null;
        }
        Json.putOrRemove(exception, "type", Json.cut(type, MAX_TYPE_CHARS));
        Json.putOrRemove(exception, "value", Json.cut(value, MAX_VALUE_CHARS));
        Json.putOrRemove(exception, "module", Json.cut(Json.scalar(exception.get("module")),
                Stacktraces.MAX_SYMBOL_CHARS));
        mechanism(exception);
        stacktrace(exception, "stacktrace");
        stacktrace(exception, "raw_stacktrace");
        return exception;
    }

    /** Strings, numbers and, like relay's lenient strings, objects as their JSON text. */
    private static String lenientText(JsonNode node) {
        String scalar = Json.scalar(node);
        if (scalar != null || node == null || !node.isContainer()) {
            return scalar;
        }
        return BoundedJson.write(node, MAX_VALUE_CHARS);
    }

    private static void mechanism(ObjectNode exception) {
        ObjectNode mechanism = Json.object(exception.get("mechanism"));
        if (mechanism == null) {
            exception.remove("mechanism");
            return;
        }
        String type = Json.nonBlank(mechanism.get("type"));
        mechanism.put("type", type == null ? "generic" : type);
        for (String flag : List.of("handled", "synthetic")) {
            if (mechanism.has(flag) && !mechanism.get(flag).isBoolean()) {
                mechanism.remove(flag);
            }
        }
    }

    private static void stacktrace(ObjectNode holder, String name) {
        ObjectNode stacktrace = Stacktraces.normalize(holder.get(name));
        if (stacktrace == null) {
            holder.remove(name);
        } else {
            holder.set(name, stacktrace);
        }
    }

    private static void threads(ObjectNode event) {
        if (!event.has("threads")) {
            return;
        }
        List<ObjectNode> threads = new ArrayList<>();
        for (JsonNode item : Json.values(event.get("threads"))) {
            ObjectNode thread = Json.object(item);
            if (thread != null) {
                stacktrace(thread, "stacktrace");
                stacktrace(thread, "raw_stacktrace");
                threads.add(thread);
            }
        }
        if (threads.isEmpty()) {
            event.remove("threads");
        } else {
            event.set("threads", Json.valuesOf(threads));
        }
    }
}
