package dev.faultline.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an event as an SDK sent it into the normalized event described in {@code package-info.java}, following
 * relay's store normalization, then scrubs it as the project asks. Fields it does not know are kept, within the
 * size limits. Thread-safe; holds the User-Agent rules, which are slow to load, so make one and share it.
 */
public final class Normalizer {

    /** Relay's limits (Sentry's columns) for these fields. */
    static final int MAX_CULPRIT_CHARS = 200;
    static final int MAX_TRANSACTION_CHARS = 200;
    static final int MAX_LOGGER_CHARS = 64;
    static final int MAX_ENVIRONMENT_CHARS = 64;
    static final int MAX_DIST_CHARS = 64;
    static final int MAX_RELEASE_CHARS = 200;
    static final int MAX_SERVER_NAME_CHARS = 200;
    static final int MAX_FINGERPRINT_PART_CHARS = 1024;
    static final String DEFAULT_ENVIRONMENT = "production";

    /** Relay's list; anything else is stored as {@code other}. */
    private static final Set<String> PLATFORMS = Set.of("as3", "c", "cfml", "cocoa", "csharp", "elixir", "go",
            "groovy", "haskell", "java", "javascript", "native", "node", "objc", "other", "perl", "php", "python",
            "ruby");

    private final UserAgents userAgents = new UserAgents();
    private final Scrubber scrubber = new Scrubber();

    /**
     * Normalizes the event in place and returns it. The steps depend on each other's order: depth is limited before
     * anything walks the tree; breadcrumbs get number times before clock corrections shift them; the user comes after
     * the request (its REMOTE_ADDR); scrubbing runs on the final shape, and tags are derived after it so they repeat
     * nothing it removed.
     */
    public ObjectNode normalize(ObjectNode event, Received received) {
        Trimming.limitDepth(event);
        event.put("event_id", eventId(received.headerEventId(), event.get("event_id")));
        boolean transaction = "transaction".equals(Json.string(event.get("type")));
        String platform = Json.string(event.get("platform"));
        event.put("platform", platform != null && PLATFORMS.contains(platform) ? platform : "other");
        String level = Levels.parse(event.get("level"));
        event.put("level", level != null ? level : transaction ? "info" : "error");
        LogEntries.normalize(event);
        Exceptions.normalize(event);
        Breadcrumbs.normalize(event);
        ArrayNode errors = Json.NODES.arrayNode();
        Timestamps.normalize(event, received, errors);
        attributes(event);
        Requests.normalize(event);
        Users.normalize(event, received.clientIp());
        ObjectNode contexts = Contexts.normalize(event);
        userAgents.addContexts(event, contexts);
        Contexts.summarize(contexts);
        if (contexts.isEmpty()) {
            event.remove("contexts");
        }
        fingerprint(event);
        bags(event);
        EventTags.normalize(event);
        if (!event.has("environment")) {
            event.put("environment", DEFAULT_ENVIRONMENT);
        }
        if (received.scrubData()) {
            scrubber.scrub(event);
        }
        if (received.scrubIpAddresses()) {
            scrubber.removeIpAddresses(event);
        }
        EventTags.derive(event);
        event.put("type", transaction ? "transaction" : !Json.values(event.get("exception")).isEmpty() ? "error"
                : event.path("csp").isObject() ? "csp" : "default");
        if (errors.isEmpty()) {
            event.remove("errors");
        } else {
            event.set("errors", errors);
        }
        return event;
    }

    /** The envelope header's id wins; either may have dashes; a new one when neither is an id. */
    private static String eventId(String headerEventId, JsonNode payloadEventId) {
        for (String candidate : new String[] {headerEventId, Json.string(payloadEventId)}) {
            String id = candidate == null ? "" : candidate.strip().replace("-", "").toLowerCase(Locale.ROOT);
            if (id.matches("[0-9a-f]{32}")) {
                return id;
            }
        }
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static void attributes(ObjectNode event) {
        text(event, "transaction", MAX_TRANSACTION_CHARS);
        text(event, "culprit", MAX_CULPRIT_CHARS);
        text(event, "logger", MAX_LOGGER_CHARS);
        text(event, "release", MAX_RELEASE_CHARS);
        text(event, "dist", MAX_DIST_CHARS);
        text(event, "server_name", MAX_SERVER_NAME_CHARS);
        text(event, "site", MAX_SERVER_NAME_CHARS);
        text(event, "environment", MAX_ENVIRONMENT_CHARS);
        Json.putOrRemove(event, "checksum", Json.scalar(event.get("checksum")));
        if (event.has("csp") && !event.has("logger")) {
            event.put("logger", "csp");
        }
    }

    /** A string field, trimmed and cut; removed when it is empty or not text. */
    private static void text(ObjectNode event, String field, int max) {
        String value = Json.scalar(event.get(field));
        value = value == null ? null : value.strip();
        Json.putOrRemove(event, field, value == null || value.isEmpty() ? null : Json.cut(value, max));
    }

    /** Relay keeps fingerprints of strings (numbers and booleans written as strings) and drops any other. */
    private static void fingerprint(ObjectNode event) {
        List<String> parts = new ArrayList<>();
        JsonNode fingerprint = event.get("fingerprint");
        boolean valid = fingerprint != null && fingerprint.isArray();
        if (valid) {
            for (JsonNode part : fingerprint) {
                String text = Json.scalar(part);
                valid &= text != null;
                parts.add(text == null ? "" : Json.cut(text, MAX_FINGERPRINT_PART_CHARS));
            }
        }
        if (!valid || parts.isEmpty()) {
            event.remove("fingerprint");
        } else {
            ArrayNode strings = event.putArray("fingerprint");
            parts.forEach(strings::add);
        }
    }

    /** Free-form data kept to relay's bag sizes. */
    private static void bags(ObjectNode event) {
        ObjectNode extra = Json.object(event.get("extra"));
        if (extra != null) {
            Trimming.eachAsBag(extra, Trimming.Bag.LARGER);
        } else {
            event.remove("extra");
        }
        ObjectNode env = Json.object(event.path("request").get("env"));
        if (env != null) {
            Trimming.eachAsBag(env, Trimming.Bag.MEDIUM);
        }
    }
}
