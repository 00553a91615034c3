package dev.faultline.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the event page shows of one stored event, read leniently from its body: a field that is missing or of an
 * unexpected type is left out, never an error.
 *
 * @param message              the formatted message; null when there is none
 * @param exceptions           as stored: the innermost cause first, the outermost exception last
 * @param breadcrumbCategories the distinct categories of the breadcrumbs, in order of first appearance, for a filter
 * @param request              null when the event has none
 * @param user                 empty when the event has no user
 * @param sdk                  null when the event does not name its SDK
 */
public record EventView(String message, List<ExceptionView> exceptions, List<Breadcrumb> breadcrumbs,
        List<String> breadcrumbCategories, Request request, List<Pair> user, List<Context> contexts, List<Pair> tags,
        List<Pair> extra, Sdk sdk) {

    private static final int MAX_BREADCRUMB_DATA_CHARS = 300;

    /** A name and a value as shown; structured values are rendered as JSON text. */
    public record Pair(String key, String value) {
    }

    /**
     * @param handled null when the SDK did not say
     * @param frames  oldest call first, the crashing frame last
     */
    public record ExceptionView(String type, String value, String module, String mechanism, Boolean handled,
            List<Frame> frames) {

        /** Sentry's UI shows the crashing frame on top by default. */
        public List<Frame> frames(boolean newestFirst) {
            return newestFirst ? frames.reversed() : frames;
        }
    }

    public record Frame(String file, String function, String module, Integer line, Integer column, boolean inApp,
            List<ContextLine> contextLines, List<Pair> vars) {
    }

    /** A line of source around a frame; {@code errorLine} marks the frame's own line. */
    public record ContextLine(int lineNo, String text, boolean errorLine) {
    }

    /** @param data the breadcrumb's data as one short line of {@code key=value} parts */
    public record Breadcrumb(Instant timestamp, String category, String level, String type, String message,
            String data) {
    }

    /** @param body the request body: text as sent, structured data as JSON */
    public record Request(String method, String url, List<Pair> query, List<Pair> headers, String body) {
    }

    /** @param title the name a reader knows it by: {@code Browser}, {@code OS}, {@code Runtime} ... */
    public record Context(String name, String title, List<Pair> values) {
    }

    public record Sdk(String name, String version) {
    }

    /** Sentry's UI order of exceptions: the outermost first. */
    public List<ExceptionView> exceptions(boolean newestFirst) {
        return newestFirst ? exceptions.reversed() : exceptions;
    }

    public static EventView of(ObjectNode body) {
        ObjectNode event = body == null ? JsonMapper.shared().createObjectNode() : body;
        List<Breadcrumb> breadcrumbs = breadcrumbs(event.get("breadcrumbs"));
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        breadcrumbs.stream().map(Breadcrumb::category).filter(c -> c != null).forEach(categories::add);
        ObjectNode sdk = EventFields.object(event, "sdk");
        return new EventView(message(event), ExceptionViews.of(event), breadcrumbs, List.copyOf(categories),
                request(EventFields.object(event, "request")), EventFields.pairs(event.get("user")),
                ContextViews.of(EventFields.object(event, "contexts")), EventFields.pairs(event.get("tags")),
                EventFields.pairs(event.get("extra")),
                sdk == null || EventFields.text(sdk, "name") == null ? null
                        : new Sdk(EventFields.text(sdk, "name"), EventFields.text(sdk, "version")));
    }

    static String message(ObjectNode event) {
        ObjectNode logentry = EventFields.object(event, "logentry");
        String formatted = EventFields.text(logentry, "formatted");
        if (formatted == null) {
            formatted = EventFields.text(logentry, "message");
        }
        // Bodies from before normalization folded a top-level message into logentry.
        return formatted != null ? formatted : EventFields.text(event, "message");
    }

    private static List<Breadcrumb> breadcrumbs(JsonNode node) {
        List<Breadcrumb> breadcrumbs = new ArrayList<>();
        for (ObjectNode crumb : EventFields.values(node)) {
            ObjectNode data = EventFields.object(crumb, "data");
            breadcrumbs.add(new Breadcrumb(EventFields.instant(crumb.get("timestamp")),
                    EventFields.text(crumb, "category"), EventFields.text(crumb, "level"),
                    EventFields.text(crumb, "type"), EventFields.text(crumb, "message"),
                    data == null ? null : shortText(EventFields.pairs(data))));
        }
        return breadcrumbs;
    }

    private static String shortText(List<Pair> pairs) {
        StringBuilder text = new StringBuilder();
        for (Pair pair : pairs) {
            text.append(text.isEmpty() ? "" : ", ").append(pair.key()).append('=').append(pair.value());
        }
        return text.length() <= MAX_BREADCRUMB_DATA_CHARS ? text.toString()
                : text.substring(0, MAX_BREADCRUMB_DATA_CHARS - 1) + "…";
    }

    private static Request request(ObjectNode request) {
        if (request == null) {
            return null;
        }
        JsonNode data = request.get("data");
        return new Request(EventFields.text(request, "method"), EventFields.text(request, "url"),
                EventFields.pairs(request.get("query_string")), EventFields.pairs(request.get("headers")),
                data == null || data.isNull() ? null : EventFields.display(data));
    }
}
