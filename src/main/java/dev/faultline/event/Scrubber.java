package dev.faultline.event;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Data scrubbing like relay's defaults for a project with "scrub data" on: values under sensitive names become
 * {@value Redactions#FILTERED} wherever they are, and secrets inside strings are cut out (see {@link Redactions}).
 * The fields Sentry needs to group and show an event are left alone: ids, times, the SDK, exception types,
 * mechanisms, and stack frames except their variables. Runs on normalized events.
 */
final class Scrubber {

    /** Top-level fields that hold no user data. */
    private static final Set<String> UNTOUCHED = Set.of("event_id", "timestamp", "received", "start_timestamp",
            "level", "platform", "release", "dist", "environment", "fingerprint", "checksum", "type", "sdk", "modules",
            "debug_meta", "errors", "_meta", "transaction", "transaction_info", "culprit", "logger", "spans",
            "measurements", "breakdowns", "version");
    /** Proxies' headers that carry the client's address. */
    private static final Set<String> FORWARDING_HEADERS = Set.of("x-forwarded-for", "x-real-ip", "forwarded",
            "x-client-ip", "client-ip", "cf-connecting-ip", "true-client-ip", "x-cluster-client-ip",
            "fastly-client-ip", "x-original-forwarded-for", "x-forwarded");

    void scrub(ObjectNode event) {
        for (Map.Entry<String, JsonNode> field : Json.entries(event)) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "exception" -> Json.values(value).forEach(this::exception);
                case "stacktrace" -> frames(value);
                case "threads" -> Json.values(value).forEach(thread -> frames(thread.get("stacktrace")));
                case "logentry" -> logentry(Json.object(value));
                case "request" -> request(Json.object(value));
                case "tags" -> pairs(value, 0);
                default -> {
                    if (!UNTOUCHED.contains(name)) {
                        event.set(name, walk(value, 0));
                    }
                }
            }
        }
    }

    /** Removes the user's address and request headers that carry addresses, as relay's "scrub IP addresses". */
    void removeIpAddresses(ObjectNode event) {
        ObjectNode user = Json.object(event.get("user"));
        if (user != null) {
            user.remove("ip_address");
            if (user.isEmpty()) {
                event.remove("user");
            }
        }
        ObjectNode sdk = Json.object(event.get("sdk"));
        if (sdk != null) {
            sdk.remove("client_ip");
        }
        ObjectNode request = Json.object(event.get("request"));
        if (request == null) {
            return;
        }
        ObjectNode env = Json.object(request.get("env"));
        if (env != null) {
            env.remove("REMOTE_ADDR");
        }
        ArrayNode headers = Json.array(request.get("headers"));
        if (headers != null) {
            headers.removeIf(pair -> {
                String name = Json.string(pair.get(0));
                return name != null && FORWARDING_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                        || IpAddresses.isAddressList(Json.string(pair.get(1)));
            });
        }
    }

    private void exception(JsonNode node) {
        ObjectNode exception = Json.object(node);
        if (exception == null) {
            return;
        }
        redactString(exception, "value");
        frames(exception.get("stacktrace"));
        frames(exception.get("raw_stacktrace"));
    }

    /** Only a frame's variables: paths, functions and source lines are code, not data. */
    private void frames(JsonNode stacktrace) {
        for (JsonNode frame : Json.values(stacktrace == null ? null : stacktrace.get("frames"))) {
            if (frame instanceof ObjectNode object && object.has("vars")) {
                object.set("vars", walk(object.get("vars"), 0));
            }
        }
    }

    private void logentry(ObjectNode logentry) {
        if (logentry == null) {
            return;
        }
        redactString(logentry, "formatted");
        redactString(logentry, "message");
        if (logentry.has("params")) {
            logentry.set("params", walk(logentry.get("params"), 0));
        }
    }

    private void request(ObjectNode request) {
        if (request == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : Json.entries(request)) {
            switch (field.getKey()) {
                case "cookies" -> Json.values(field.getValue()).forEach(pair -> {
                    if (pair instanceof ArrayNode cookie && cookie.size() == 2) {
                        cookie.set(1, Json.NODES.stringNode(Redactions.FILTERED));
                    }
                });
                case "headers", "query_string" -> pairs(field.getValue(), 0);
                case "method", "inferred_content_type" -> {
                }
                default -> request.set(field.getKey(), walk(field.getValue(), 0));
            }
        }
    }

    private JsonNode walk(JsonNode node, int depth) {
        if (node == null || depth > Trimming.MAX_DEPTH) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            Json.replaceValues(object, (name, value) -> Redactions.isSensitiveKey(name) && !value.isNull()
                    ? Json.NODES.stringNode(Redactions.FILTERED) : walk(value, depth + 1));
        } else if (node instanceof ArrayNode array) {
            if (isPair(array)) {
                pair(array, depth);
            } else {
                Json.replaceItems(array, item -> walk(item, depth + 1));
            }
        } else if (node.isString()) {
            String text = node.stringValue();
            String redacted = Redactions.redact(text);
            return redacted.equals(text) ? node : Json.NODES.stringNode(redacted);
        }
        return node;
    }

    /** Lists of {@code [name, value]} pairs (headers, query, tags) are scrubbed like objects. */
    private void pairs(JsonNode list, int depth) {
        for (JsonNode item : Json.values(list)) {
            if (item instanceof ArrayNode array && isPair(array)) {
                pair(array, depth);
            }
        }
    }

    private void pair(ArrayNode pair, int depth) {
        String name = pair.get(0).stringValue();
        if (Redactions.isSensitiveKey(name) && !pair.get(1).isNull()) {
            pair.set(1, Json.NODES.stringNode(Redactions.FILTERED));
        } else if (!name.equalsIgnoreCase("User-Agent")) {
            pair.set(1, walk(pair.get(1), depth + 1));
        }
    }

    private static boolean isPair(ArrayNode array) {
        return array.size() == 2 && array.get(0).isString();
    }

    private static void redactString(ObjectNode object, String field) {
        String text = Json.string(object.get(field));
        if (text != null) {
            object.put(field, Redactions.redact(text));
        }
    }
}
