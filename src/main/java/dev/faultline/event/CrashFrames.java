package dev.faultline.event;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Sentry's "where did it happen": the crashing frame and the culprit string made from a frame. */
final class CrashFrames {

    static final int MAX_CULPRIT_CHARS = Normalizer.MAX_CULPRIT_CHARS;

    private static final Set<String> HIDDEN_FUNCTIONS = Set.of("<redacted>", "<unknown>");
    private static final Set<String> NATIVE_PLATFORMS = Set.of("objc", "cocoa", "native");
    private static final Set<String> JAVASCRIPT_PLATFORMS = Set.of("javascript", "node");

    private CrashFrames() {
    }

    /**
     * The frame an error is filed under: the newest in-app frame of the main exception (or of the lone stack trace
     * or lone thread), else its newest frame; null when there are no frames.
     */
    static ObjectNode crashFrame(ObjectNode event) {
        List<JsonNode> exceptions = Json.values(event.get("exception"));
        List<JsonNode> frames = exceptions.isEmpty() ? List.of()
                : Json.values(exceptions.getLast().path("stacktrace").get("frames"));
        if (frames.isEmpty()) {
            frames = Json.values(event.path("stacktrace").get("frames"));
        }
        List<JsonNode> threads = Json.values(event.get("threads"));
        if (frames.isEmpty() && threads.size() == 1) {
            frames = Json.values(threads.getFirst().path("stacktrace").get("frames"));
        }
        ObjectNode fallback = null;
        for (JsonNode node : frames.reversed()) {
            ObjectNode frame = Json.object(node);
            if (frame == null || HIDDEN_FUNCTIONS.contains(String.valueOf(Json.string(frame.get("function"))))) {
                continue;
            }
            if (frame.path("in_app").asBoolean(false)) {
                return frame;
            }
            fallback = fallback == null ? frame : fallback;
        }
        return fallback;
    }

    /** Sentry's generated culprit: from the last stack trace's crashing frame, else the request URL. */
    static String generate(ObjectNode event) {
        String platform = Json.string(event.get("platform"));
        List<JsonNode> exceptions = Json.values(event.get("exception"));
        JsonNode stacktrace = null;
        if (!exceptions.isEmpty()) {
            if (exceptions.getLast().path("mechanism").path("synthetic").asBoolean(false)) {
                return "";
            }
            for (JsonNode exception : exceptions) {
                if (!Json.values(exception.path("stacktrace").get("frames")).isEmpty()) {
                    stacktrace = exception.get("stacktrace");
                }
            }
        } else if (!Json.values(event.path("stacktrace").get("frames")).isEmpty()) {
            stacktrace = event.get("stacktrace");
        }
        String culprit = stacktrace == null ? null : stacktraceCulprit(stacktrace, platform);
        if (culprit == null || culprit.isEmpty()) {
            culprit = Json.string(event.path("request").get("url"));
        }
        return culprit == null ? "" : Json.cut(culprit, MAX_CULPRIT_CHARS);
    }

    private static String stacktraceCulprit(JsonNode stacktrace, String platform) {
        String fallback = null;
        for (JsonNode node : Json.values(stacktrace.get("frames")).reversed()) {
            ObjectNode frame = Json.object(node);
            if (frame == null) {
                continue;
            }
            if (frame.path("in_app").asBoolean(false)) {
                String culprit = frameCulprit(frame, platform);
                if (!culprit.isEmpty()) {
                    return culprit;
                }
            } else if (fallback == null) {
                fallback = frameCulprit(frame, platform);
            }
        }
        return fallback;
    }

    private static String frameCulprit(ObjectNode frame, String eventPlatform) {
        String platform = String.valueOf(Json.string(frame.get("platform")) != null
                ? Json.string(frame.get("platform")) : eventPlatform);
        String function = Json.nonBlank(frame.get("function"));
        function = function == null ? "?" : function;
        if (NATIVE_PLATFORMS.contains(platform)) {
            return function;
        }
        String location = Json.nonBlank(frame.get("module"));
        location = location == null ? Json.nonBlank(frame.get("filename")) : location;
        if (location == null) {
            return "";
        }
        return JAVASCRIPT_PLATFORMS.contains(platform) ? function + "(" + location + ")"
                : location + " in " + function;
    }
}
