package dev.faultline.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.faultline.compression.BodyCompression;
import dev.faultline.ingest.EventIds;
import dev.faultline.ingest.UnixSeconds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** From a normalized event to what the writers store: the columns, the search text, the compressed body. */
final class EventRecords {

    static final int MAX_SEARCH_TEXT = 20_000;

    private EventRecords() {
    }

    static DigestedEvent of(long projectId, Instant receivedAt, ObjectNode event, Grouping grouping,
            EventSummary summary, JsonMapper json, BodyCompression compression) {
        event.put("type", summary.type());
        event.put("title", summary.title());
        event.put("culprit", summary.culprit());
        event.set("metadata", summary.metadata());
        ObjectNode stored = event.putObject("grouping");
        stored.put("hash", grouping.hash());
        stored.put("method", grouping.method());
        stored.set("components", grouping.components());
        UUID eventId = EventIds.parse(text(event, "event_id"));
        return new DigestedEvent(projectId, eventId == null ? UUID.randomUUID() : eventId, receivedAt,
                UnixSeconds.instant(event.get("timestamp"), receivedAt), Level.of(text(event, "level")),
                text(event, "platform"), text(event, "environment"), text(event, "release"), userKey(event.get("user")),
                tags(event), grouping.hash(), summary, searchText(event, summary),
                compression.compressBody(json.writeValueAsBytes(event)));
    }

    /** Sentry's user identity: the id, else the email, the username, the IP address. */
    static String userKey(JsonNode user) {
        if (user == null || !user.isObject()) {
            return null;
        }
        for (String field : new String[] {"id", "email", "username", "ip_address"}) {
            JsonNode value = user.get(field);
            if (value != null && !value.isNull() && !value.asString().isBlank()) {
                return field + ":" + value.asString();
            }
        }
        return null;
    }

    static List<String[]> tags(ObjectNode event) {
        List<String[]> tags = new ArrayList<>();
        JsonNode list = event.get("tags");
        if (list != null && list.isArray()) {
            for (JsonNode pair : list) {
                if (pair.isArray() && pair.size() == 2 && pair.get(0).isString() && pair.get(1).isString()) {
                    tags.add(new String[] {pair.get(0).stringValue(), pair.get(1).stringValue()});
                }
            }
        }
        return tags;
    }

    /**
     * What search finds beside the title, lower-cased as the search terms are: the culprit, exception types and
     * modules, frame functions, modules and file names. Not the messages and exception values, which usually differ
     * from one event to the next (the title holds the newest): the text stays the same for all events of an issue,
     * so digest rarely has to write it again.
     */
    static String searchText(ObjectNode event, EventSummary summary) {
        var text = new StringBuilder();
        append(text, summary.culprit());
        for (JsonNode exception : event.path("exception").path("values")) {
            append(text, text(exception, "type"));
            append(text, text(exception, "module"));
            for (JsonNode frame : exception.path("stacktrace").path("frames")) {
                append(text, text(frame, "function"));
                append(text, text(frame, "module"));
                append(text, text(frame, "filename"));
            }
        }
        String all = text.length() > MAX_SEARCH_TEXT ? text.substring(0, MAX_SEARCH_TEXT) : text.toString();
        return all.toLowerCase(Locale.ROOT);
    }

    private static void append(StringBuilder text, String value) {
        if (value != null && !value.isBlank() && text.length() < MAX_SEARCH_TEXT) {
            text.append(value).append(' ');
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
