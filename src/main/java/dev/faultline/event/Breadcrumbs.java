package dev.faultline.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code breadcrumbs} interface: at most {@link #MAX_BREADCRUMBS}, each with a type, a level and a number time. */
final class Breadcrumbs {

    /** Sentry's SDKs keep 100 by default; relay drops the oldest beyond that. */
    static final int MAX_BREADCRUMBS = 100;
    /** Relay's limit for enum-like fields, such as a breadcrumb's type and category. */
    static final int MAX_CATEGORY_CHARS = 128;

    private Breadcrumbs() {
    }

    static void normalize(ObjectNode event) {
        List<ObjectNode> breadcrumbs = new ArrayList<>();
        for (JsonNode item : Json.values(event.get("breadcrumbs"))) {
            ObjectNode breadcrumb = Json.object(item);
            if (breadcrumb != null) {
                breadcrumbs.add(breadcrumb(breadcrumb));
            }
        }
        if (breadcrumbs.size() > MAX_BREADCRUMBS) {
            breadcrumbs = breadcrumbs.subList(breadcrumbs.size() - MAX_BREADCRUMBS, breadcrumbs.size());
        }
        if (breadcrumbs.isEmpty()) {
            event.remove("breadcrumbs");
        } else {
            event.set("breadcrumbs", Json.valuesOf(breadcrumbs));
        }
    }

    private static ObjectNode breadcrumb(ObjectNode breadcrumb) {
        Instant timestamp = Timestamps.parse(breadcrumb.get("timestamp"));
        if (timestamp == null) {
            breadcrumb.remove("timestamp");
        } else {
            breadcrumb.put("timestamp", Timestamps.seconds(timestamp));
        }
        String type = Json.nonBlank(breadcrumb.get("type"));
        breadcrumb.put("type", type == null ? "default" : Json.cut(type, MAX_CATEGORY_CHARS));
        String level = Levels.parse(breadcrumb.get("level"));
        breadcrumb.put("level", level == null ? "info" : level);
        Json.putOrRemove(breadcrumb, "category", Json.cut(Json.scalar(breadcrumb.get("category")),
                MAX_CATEGORY_CHARS));
        Json.putOrRemove(breadcrumb, "message", Json.cut(Json.scalar(breadcrumb.get("message")),
                LogEntries.MAX_MESSAGE_CHARS));
        JsonNode data = breadcrumb.get("data");
        JsonNode trimmed = data != null && data.isObject() ? Trimming.bag(data, Trimming.Bag.MEDIUM) : null;
        if (trimmed == null || trimmed.isEmpty()) {
            breadcrumb.remove("data");
        } else {
            breadcrumb.set("data", trimmed);
        }
        return breadcrumb;
    }
}
