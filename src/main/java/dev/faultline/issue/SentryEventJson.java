package dev.faultline.issue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import dev.faultline.event.StoredEvent;
import dev.faultline.ingest.EventIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored event in the shape of Sentry's event API ({@code GET /api/0/issues/{id}/events/{event_id}/}), which
 * sentry-cli, GitLab and Grafana read, and the shorter form of its event lists.
 */
public final class SentryEventJson {

    private static final Pattern GIT_SHA = Pattern.compile("[0-9a-f]{40}");
    private static final int SHORT_SHA_CHARS = 12;

    private SentryEventJson() {
    }

    /**
     * The whole event with its {@code entries}.
     *
     * @param issueId the issue it is shown under, which differs from the event's own after a merge
     */
    public static ObjectNode of(StoredEvent event, long issueId) {
        ObjectNode body = body(event);
        ObjectNode json = common(event, issueId, body);
        json.put("dateReceived", date(event.receivedAt()));
        json.put("culprit", EventFields.text(body, "culprit"));
        json.set("metadata", objectOrEmpty(body, "metadata"));
        json.put("location", location(body));
        json.put("type", type(body));
        json.set("entries", SentryEntries.of(body));
        json.set("contexts", objectOrEmpty(body, "contexts"));
        json.set("sdk", sdk(body));
        json.set("release", release(event.release()));
        json.put("dist", EventFields.text(body, "dist"));
        json.put("environment", event.environment());
        json.putArray("errors");
        json.putArray("fingerprints").add(event.hash());
        json.set("packages", objectOrEmpty(body, "modules"));
        json.set("context", objectOrEmpty(body, "extra"));
        json.putNull("crashFile");
        return json;
    }

    /** The event as Sentry's event lists show it: no entries, its type under {@code event.type}. */
    public static ObjectNode listItem(StoredEvent event, long issueId) {
        ObjectNode body = body(event);
        ObjectNode json = common(event, issueId, body);
        json.put("event.type", type(body));
        return json;
    }

    /** Sentry's dates: ISO-8601 in UTC to the millisecond. */
    static String date(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /**
     * A release as Sentry names it: {@code shortVersion} is the version without its package ({@code 1.2.3} of
     * {@code shop@1.2.3}), and a git commit shortened to 12 digits.
     */
    static ObjectNode release(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        // Packages may be scoped npm names starting with "@", so the package ends at an "@" after the first character.
        int at = version.indexOf('@', 1);
        String shortVersion = at < 0 ? version : version.substring(at + 1);
        if (GIT_SHA.matcher(shortVersion).matches()) {
            shortVersion = shortVersion.substring(0, SHORT_SHA_CHARS);
        }
        ObjectNode release = JsonMapper.shared().createObjectNode();
        release.put("version", version);
        release.put("shortVersion", shortVersion);
        return release;
    }

    private static ObjectNode common(StoredEvent event, long issueId, ObjectNode body) {
        ObjectNode json = JsonMapper.shared().createObjectNode();
        String id = EventIds.format(event.eventId());
        json.put("id", id);
        json.put("eventID", id);
        json.put("groupID", String.valueOf(issueId));
        json.put("projectID", String.valueOf(event.projectId()));
        json.put("dateCreated", date(event.occurredAt()));
        json.put("title", EventFields.text(body, "title"));
        String message = EventView.message(body);
        json.put("message", message == null ? "" : message);
        json.put("platform", EventFields.text(body, "platform"));
        json.set("tags", tags(event));
        json.set("user", user(body));
        return json;
    }

    private static ObjectNode body(StoredEvent event) {
        return event.body() == null ? JsonMapper.shared().createObjectNode() : event.body();
    }

    private static String type(ObjectNode body) {
        String type = EventFields.text(body, "type");
        return type == null ? "default" : type;
    }

    /** Where an error happened, as Sentry's event API gives it: the crash frame's file. */
    private static String location(ObjectNode body) {
        return EventFields.text(EventFields.object(body, "metadata"), "filename");
    }

    private static ArrayNode tags(StoredEvent event) {
        ArrayNode tags = JsonMapper.shared().createArrayNode();
        for (String tag : event.tags() == null ? List.<String>of() : event.tags()) {
            int equals = tag.indexOf('=');
            if (equals > 0) {
                tags.addObject().put("key", tag.substring(0, equals)).put("value", tag.substring(equals + 1));
            }
        }
        return tags;
    }

    private static ObjectNode user(ObjectNode body) {
        ObjectNode user = EventFields.object(body, "user");
        if (user == null || user.isEmpty()) {
            return null;
        }
        ObjectNode json = JsonMapper.shared().createObjectNode();
        for (String field : new String[] {"id", "email", "username", "ip_address", "name"}) {
            json.put(field, EventFields.text(user, field));
        }
        JsonNode geo = user.get("geo");
        if (geo instanceof ObjectNode) {
            json.set("geo", geo.deepCopy());
        }
        json.set("data", objectOrEmpty(user, "data"));
        return json;
    }

    private static ObjectNode sdk(ObjectNode body) {
        ObjectNode sdk = EventFields.object(body, "sdk");
        if (sdk == null || EventFields.text(sdk, "name") == null) {
            return null;
        }
        ObjectNode json = JsonMapper.shared().createObjectNode();
        json.put("name", EventFields.text(sdk, "name"));
        json.put("version", EventFields.text(sdk, "version"));
        return json;
    }

    private static ObjectNode objectOrEmpty(JsonNode node, String field) {
        ObjectNode object = EventFields.object(node, field);
        return object == null ? JsonMapper.shared().createObjectNode() : object.deepCopy();
    }
}
