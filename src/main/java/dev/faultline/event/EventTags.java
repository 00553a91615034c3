package dev.faultline.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code tags}: the SDK's, cleaned as relay does, then the ones Sentry derives from the event (level, release,
 * browser, url, user ...), which replace an SDK tag of the same name. The result is a list of {@code [key, value]}
 * pairs in a fixed order: the SDK's in the order sent, then the derived ones in the order of {@link #derive}.
 * Relay drops tags over 200 characters; we cut them instead, which keeps what they start with. Keys with an equals
 * sign, and keys or values over more than one line, are dropped (relay's key rules reject both).
 */
final class EventTags {

    /** Sentry's limit for tag keys and values. */
    private static final int MAX_CHARS = 200;

    /** Tags Sentry sets itself, so relay drops them when an SDK sends them. */
    private static final Set<String> RESERVED = Set.of("release", "dist", "user", "filename", "function");

    private EventTags() {
    }

    /** Cleans the SDK's tags; an {@code environment} tag becomes the environment when the event has none. */
    static void normalize(ObjectNode event) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode sent = event.get("tags");
        if (sent instanceof ObjectNode object) {
            object.properties().forEach(entry -> add(tags, entry.getKey(), entry.getValue()));
        } else if (sent instanceof ArrayNode list) {
            for (JsonNode item : list) {
                if (item.isArray() && item.size() == 2) {
                    add(tags, Json.scalar(item.get(0)), item.get(1));
                } else if (item.isObject()) {
                    add(tags, Json.scalar(item.get("key")), item.get("value"));
                }
            }
        }
        String environment = tags.remove("environment");
        if (environment != null && Json.nonBlank(event.get("environment")) == null) {
            event.put("environment", environment);
        }
        RESERVED.forEach(tags::remove);
        write(event, tags);
    }

    /** Appends the tags Sentry derives from the (normalized, scrubbed) event. */
    static void derive(ObjectNode event) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode pair : Json.values(event.get("tags"))) {
            tags.put(pair.get(0).stringValue(), pair.get(1).stringValue());
        }
        for (String field : new String[] {"level", "logger", "environment", "release", "dist", "transaction",
                "server_name", "site"}) {
            put(tags, field, Json.string(event.get(field)));
        }
        put(tags, "url", Json.string(event.path("request").get("url")));
        JsonNode mechanism = Json.values(event.get("exception")).stream().reduce((first, last) -> last)
                .map(exception -> exception.get("mechanism")).orElse(null);
        if (mechanism != null && mechanism.path("handled").isBoolean()) {
            put(tags, "handled", mechanism.get("handled").booleanValue() ? "yes" : "no");
        }
        put(tags, "mechanism", mechanism == null ? null : Json.string(mechanism.get("type")));
        put(tags, "user", user(Json.object(event.get("user"))));
        ObjectNode contexts = Json.object(event.get("contexts"));
        if (contexts != null) {
            contextTags(tags, contexts, "browser", "browser");
            contextTags(tags, contexts, "client_os", "os");
            contextTags(tags, contexts, "os", "os");
            contextTags(tags, contexts, "runtime", "runtime");
            put(tags, "device", Json.string(contexts.path("device").get("model")));
            put(tags, "device.family", Json.string(contexts.path("device").get("family")));
        }
        write(event, tags);
    }

    /** Sentry's {@code browser} and {@code browser.name} style tags from a context's summary and name. */
    private static void contextTags(Map<String, String> tags, ObjectNode contexts, String key, String summary) {
        JsonNode context = contexts.path(key);
        put(tags, key, Json.string(context.get(summary)));
        put(tags, key + ".name", Json.string(context.get("name")));
    }

    /** Sentry's user tag: the first of id, username, email and IP address. */
    private static String user(ObjectNode user) {
        if (user == null) {
            return null;
        }
        for (String[] field : new String[][] {{"id", "id"}, {"username", "username"}, {"email", "email"},
                {"ip_address", "ip"}}) {
            String value = Json.scalar(user.get(field[0]));
            if (value != null && !value.isBlank()) {
                return field[1] + ":" + value;
            }
        }
        return null;
    }

    private static void add(Map<String, String> tags, String key, JsonNode value) {
        String cleanKey = key == null || key.contains("=") ? null : clean(key);
        String cleanValue = clean(Json.scalar(value));
        if (cleanKey != null && cleanValue != null) {
            tags.putIfAbsent(cleanKey, cleanValue);
        }
    }

    private static void put(Map<String, String> tags, String key, String value) {
        String cleanValue = clean(value);
        if (cleanValue != null) {
            tags.put(key, cleanValue);
        }
    }

    /** Trimmed and cut; null when empty or multi-line, which Sentry does not store as a tag key or value. */
    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() || trimmed.contains("\n") ? null : Json.cut(trimmed, MAX_CHARS);
    }

    private static void write(ObjectNode event, Map<String, String> tags) {
        if (tags.isEmpty()) {
            event.remove("tags");
            return;
        }
        ArrayNode pairs = event.putArray("tags");
        tags.forEach((key, value) -> pairs.add(Json.pair(key, value)));
    }
}
