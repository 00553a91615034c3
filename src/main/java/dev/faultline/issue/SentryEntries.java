package dev.faultline.issue;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code entries} of Sentry's event JSON: one {@code {type, data}} per interface the event has, in the order
 * Sentry's event page shows them (its interfaces' display scores).
 */
final class SentryEntries {

    private static final List<String> SECURITY_REPORTS = List.of("csp", "hpkp", "expectct", "expectstaple");

    private SentryEntries() {
    }

    static ArrayNode of(ObjectNode event) {
        ArrayNode entries = JsonMapper.shared().createArrayNode();
        ObjectNode logentry = EventFields.object(event, "logentry");
        if (logentry != null) {
            add(entries, "message", message(logentry));
        }
        List<ObjectNode> exceptions = EventFields.values(event.get("exception"));
        if (!exceptions.isEmpty()) {
            add(entries, "exception", exception(exceptions));
        }
        ObjectNode stacktrace = EventFields.object(event, "stacktrace");
        if (stacktrace != null) {
            add(entries, "stacktrace", SentryFrames.stacktrace(stacktrace));
        }
        List<ObjectNode> threads = EventFields.values(event.get("threads"));
        if (!threads.isEmpty()) {
            add(entries, "threads", threads(threads));
        }
        for (String report : SECURITY_REPORTS) {
            ObjectNode fields = EventFields.object(event, report);
            if (fields != null) {
                add(entries, report, fields.deepCopy());
            }
        }
        List<ObjectNode> breadcrumbs = EventFields.values(event.get("breadcrumbs"));
        if (!breadcrumbs.isEmpty()) {
            add(entries, "breadcrumbs", breadcrumbs(breadcrumbs));
        }
        ObjectNode request = EventFields.object(event, "request");
        if (request != null) {
            add(entries, "request", request(request));
        }
        return entries;
    }

    private static void add(ArrayNode entries, String type, ObjectNode data) {
        ObjectNode entry = entries.addObject();
        entry.put("type", type);
        entry.set("data", data);
    }

    private static ObjectNode message(ObjectNode logentry) {
        ObjectNode data = JsonMapper.shared().createObjectNode();
        String formatted = EventFields.text(logentry, "formatted");
        String template = EventFields.text(logentry, "message");
        data.put("formatted", formatted != null ? formatted : template);
        if (template != null) {
            data.put("message", template);
        }
        JsonNode params = logentry.get("params");
        if (params != null && params.isContainer()) {
            data.set("params", params.deepCopy());
        }
        return data;
    }

    private static ObjectNode exception(List<ObjectNode> exceptions) {
        ObjectNode data = JsonMapper.shared().createObjectNode();
        ArrayNode values = data.putArray("values");
        boolean systemFrames = false;
        for (ObjectNode exception : exceptions) {
            ObjectNode value = values.addObject();
            value.put("type", EventFields.text(exception, "type"));
            value.put("value", EventFields.text(exception, "value"));
            value.put("module", EventFields.text(exception, "module"));
            ObjectNode mechanism = EventFields.object(exception, "mechanism");
            value.set("mechanism", mechanism == null ? null : mechanism.deepCopy());
            value.set("threadId", scalarOrNull(exception.get("thread_id")));
            ObjectNode stacktrace = EventFields.object(exception, "stacktrace");
            value.set("stacktrace", stacktrace == null ? null : SentryFrames.stacktrace(stacktrace));
            value.putNull("rawStacktrace");
            systemFrames |= SentryFrames.hasSystemFrames(EventFields.frames(exception));
        }
        data.putNull("excOmitted");
        data.put("hasSystemFrames", systemFrames);
        return data;
    }

    private static ObjectNode threads(List<ObjectNode> threads) {
        ObjectNode data = JsonMapper.shared().createObjectNode();
        ArrayNode values = data.putArray("values");
        for (ObjectNode thread : threads) {
            ObjectNode value = values.addObject();
            value.set("id", scalarOrNull(thread.get("id")));
            value.put("name", EventFields.text(thread, "name"));
            value.put("crashed", Boolean.TRUE.equals(EventFields.bool(thread, "crashed")));
            value.put("current", Boolean.TRUE.equals(EventFields.bool(thread, "current")));
            ObjectNode stacktrace = EventFields.object(thread, "stacktrace");
            value.set("stacktrace", stacktrace == null ? null : SentryFrames.stacktrace(stacktrace));
        }
        return data;
    }

    private static ObjectNode breadcrumbs(List<ObjectNode> breadcrumbs) {
        ObjectNode data = JsonMapper.shared().createObjectNode();
        ArrayNode values = data.putArray("values");
        for (ObjectNode crumb : breadcrumbs) {
            ObjectNode value = values.addObject();
            value.put("type", EventFields.text(crumb, "type"));
            value.put("category", EventFields.text(crumb, "category"));
            value.put("level", EventFields.text(crumb, "level"));
            value.put("message", EventFields.text(crumb, "message"));
            ObjectNode fields = EventFields.object(crumb, "data");
            value.set("data", fields == null ? null : fields.deepCopy());
            var timestamp = EventFields.instant(crumb.get("timestamp"));
            value.put("timestamp", timestamp == null ? null : SentryEventJson.date(timestamp));
            value.putNull("event_id");
        }
        return data;
    }

    private static ObjectNode request(ObjectNode request) {
        ObjectNode data = JsonMapper.shared().createObjectNode();
        data.put("method", EventFields.text(request, "method"));
        data.put("url", EventFields.text(request, "url"));
        data.set("query", pairsOrEmpty(request.get("query_string")));
        String fragment = EventFields.text(request, "fragment");
        data.put("fragment", fragment == null ? "" : fragment);
        JsonNode body = request.get("data");
        data.set("data", body == null ? null : body.deepCopy());
        data.set("headers", pairsOrEmpty(request.get("headers")));
        data.set("cookies", pairsOrEmpty(request.get("cookies")));
        ObjectNode env = EventFields.object(request, "env");
        data.set("env", env == null ? null : env.deepCopy());
        data.put("inferredContentType", EventFields.text(request, "inferred_content_type"));
        return data;
    }

    /** The {@code [name, value]} pairs of the field as pairs of strings; values that are not text become JSON. */
    private static ArrayNode pairsOrEmpty(JsonNode node) {
        ArrayNode pairs = JsonMapper.shared().createArrayNode();
        for (EventView.Pair pair : EventFields.pairs(node)) {
            pairs.addArray().add(pair.key()).add(pair.value());
        }
        return pairs;
    }

    private static JsonNode scalarOrNull(JsonNode node) {
        return node == null || node.isContainer() ? null : node.deepCopy();
    }
}
