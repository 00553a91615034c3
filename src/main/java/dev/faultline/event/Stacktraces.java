package dev.faultline.event;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Stack traces and their frames, as relay's store normalization and trimming leave them. */
final class Stacktraces {

    /** Relay's hard limit; the newest frames (the crash end) are kept. */
    static final int MAX_FRAMES = 250;
    /** Beyond this many frames, middle frames lose their variables and source context, as relay's slimming does. */
    static final int MAX_FRAMES_WITH_DATA = 50;
    /** Relay's limits for paths (256) and symbols (256), with relay's allowance of 40 and 20 characters. */
    static final int MAX_PATH_CHARS = 296;
    static final int MAX_SYMBOL_CHARS = 276;
    /** Relay's limit for a source line (its "summary" size). */
    static final int MAX_SOURCE_LINE_CHARS = 1024;
    private static final int MAX_LINE_NUMBER = 999_999_999;
    private static final Pattern LINE_NUMBER = Pattern.compile("(\\d{1,9})(?:\\.0+)?");

    private static final Set<String> PATHS = Set.of("filename", "abs_path", "package");
    private static final Set<String> SYMBOLS = Set.of("function", "raw_function", "symbol", "module");
    private static final Set<String> ADDRESSES = Set.of("instruction_addr", "symbol_addr", "image_addr", "platform",
            "addr_mode", "trust", "lang");

    private Stacktraces() {
    }

    /** The normalized stack trace; null when it has no frames. */
    static ObjectNode normalize(JsonNode node) {
        ObjectNode stacktrace = Json.object(node);
        if (stacktrace == null) {
            return null;
        }
        List<ObjectNode> frames = new ArrayList<>();
        for (JsonNode item : Json.values(stacktrace.get("frames"))) {
            ObjectNode frame = frame(item);
            if (frame != null) {
                frames.add(frame);
            }
        }
        if (frames.isEmpty()) {
            return null;
        }
        if (frames.size() > MAX_FRAMES) {
            frames = new ArrayList<>(frames.subList(frames.size() - MAX_FRAMES, frames.size()));
        }
        slim(frames);
        stacktrace.set("frames", Json.arrayOf(frames));
        return stacktrace;
    }

    private static ObjectNode frame(JsonNode node) {
        ObjectNode frame = Json.object(node);
        if (frame == null) {
            return null;
        }
        for (Map.Entry<String, JsonNode> field : Json.entries(frame)) {
            String name = field.getKey();
            if (PATHS.contains(name) || SYMBOLS.contains(name) || ADDRESSES.contains(name)
                    || name.equals("context_line")) {
                int max = PATHS.contains(name) ? MAX_PATH_CHARS
                        : SYMBOLS.contains(name) ? MAX_SYMBOL_CHARS : MAX_SOURCE_LINE_CHARS;
                Json.putOrRemove(frame, name, Json.cut(Json.scalar(field.getValue()), max));
            }
        }
        paths(frame);
        if ("?".equals(Json.string(frame.get("function")))) {
            frame.remove("function");
        }
        if ("?".equals(Json.string(frame.get("symbol")))) {
            frame.remove("symbol");
        }
        lineNumber(frame, "lineno");
        lineNumber(frame, "colno");
        if (!frame.path("in_app").isBoolean()) {
            frame.remove("in_app");
        }
        sourceLines(frame, "pre_context");
        sourceLines(frame, "post_context");
        if (!frame.has("context_line") && (frame.has("pre_context") || frame.has("post_context"))) {
            frame.put("context_line", "");
        }
        vars(frame);
        return frame;
    }

    /** Relay's filename rules: {@code abs_path} falls back to the filename, a URL's filename is its path. */
    private static void paths(ObjectNode frame) {
        String filename = Json.nonBlank(frame.get("filename"));
        String absPath = Json.nonBlank(frame.get("abs_path"));
        if (absPath == null && filename != null) {
            absPath = filename;
            filename = null;
            frame.put("abs_path", absPath);
        }
        if (filename == null && absPath != null) {
            frame.put("filename", urlPath(absPath));
        }
    }

    private static String urlPath(String absPath) {
        if (!absPath.startsWith("http:") && !absPath.startsWith("https:") && !absPath.startsWith("file:")
                && !absPath.startsWith("applewebdata:")) {
            return absPath;
        }
        try {
            String path = new URI(absPath).getRawPath();
            return path == null || path.isEmpty() || path.equals("/") ? absPath : path;
        } catch (Exception e) {
            return absPath;
        }
    }

    private static void lineNumber(ObjectNode frame, String name) {
        JsonNode value = frame.get(name);
        if (value == null || value.isInt() && value.intValue() >= 0 && value.intValue() <= MAX_LINE_NUMBER) {
            return;
        }
        String text = Json.scalar(value);
        Matcher number = text == null ? null : LINE_NUMBER.matcher(text.strip());
        if (number != null && number.matches()) {
            frame.put(name, Integer.parseInt(number.group(1)));
        } else {
            frame.remove(name);
        }
    }

    private static void sourceLines(ObjectNode frame, String name) {
        ArrayNode lines = Json.array(frame.get(name));
        if (lines == null) {
            frame.remove(name);
            return;
        }
        ArrayNode strings = frame.putArray(name);
        for (JsonNode line : lines) {
            String text = Json.scalar(line);
            strings.add(text == null ? "" : Json.cut(text, MAX_SOURCE_LINE_CHARS));
        }
    }

    private static void vars(ObjectNode frame) {
        JsonNode vars = frame.get("vars");
        if (vars instanceof ArrayNode list) {
            // Relay keeps positional variables under their index.
            ObjectNode byIndex = Json.NODES.objectNode();
            for (int i = 0; i < list.size(); i++) {
                byIndex.set(Integer.toString(i), list.get(i));
            }
            vars = byIndex;
        }
        JsonNode trimmed = vars != null && vars.isObject() ? Trimming.bag(vars, Trimming.Bag.MEDIUM) : null;
        if (trimmed == null) {
            frame.remove("vars");
        } else {
            frame.set("vars", trimmed);
        }
    }

    /**
     * Relay's slimming: when there are more frames than {@link #MAX_FRAMES_WITH_DATA}, frames in the middle lose
     * their variables and source context, system frames first, so in-app frames keep theirs longest.
     */
    private static void slim(List<ObjectNode> frames) {
        if (frames.size() <= MAX_FRAMES_WITH_DATA) {
            return;
        }
        List<ObjectNode> app = new ArrayList<>();
        List<ObjectNode> system = new ArrayList<>();
        for (ObjectNode frame : frames) {
            (frame.path("in_app").asBoolean(false) ? app : system).add(frame);
        }
        int systemHalf = Math.max(0, MAX_FRAMES_WITH_DATA - app.size()) / 2;
        List<ObjectNode> systemSlimmed = middle(system, systemHalf);
        int remaining = Math.max(0, frames.size() - MAX_FRAMES_WITH_DATA - systemSlimmed.size());
        int appHalf = Math.max(0, app.size() - remaining) / 2;
        for (ObjectNode frame : systemSlimmed) {
            frame.remove(List.of("vars", "pre_context", "post_context"));
        }
        for (ObjectNode frame : middle(app, appHalf)) {
            frame.remove(List.of("vars", "pre_context", "post_context"));
        }
    }

    private static List<ObjectNode> middle(List<ObjectNode> frames, int keepAtEachEnd) {
        return keepAtEachEnd * 2 >= frames.size() ? List.of()
                : frames.subList(keepAtEachEnd, frames.size() - keepAtEachEnd);
    }
}
