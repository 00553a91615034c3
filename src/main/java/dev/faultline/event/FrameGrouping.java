package dev.faultline.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * What one stack frame gives to grouping: its module (else file name), function and, for platforms that ship their
 * source, its source line. Line and column numbers never count: they move with every edit above the crash.
 *
 * <p>Like Sentry's current ("newstyle") grouping, the source line counts beside the function rather than in its
 * place; only a JavaScript function name recovered from a source map gives way to the source line.
 */
record FrameGrouping(Map<String, Part> parts, String exclusion) {

    private static final int LONGEST_CONTEXT_LINE = 120;
    private static final Set<String> LOW_QUALITY_JAVASCRIPT_PATHS =
            Set.of("[native code]", "native code", "eval code", "<anonymous>");

    static FrameGrouping of(ObjectNode frame, String eventPlatform) {
        String platform = Json.text(frame, "platform");
        if (platform == null) {
            platform = eventPlatform;
        }
        Part module = FrameNames.module(frame, platform);
        Part filename = FrameNames.filename(frame, platform);
        if (module != null && module.contributes() && filename != null) {
            filename = filename.ignored("module takes precedence");
        }
        Part contextLine = Platforms.groupsByContextLine(platform) ? contextLine(frame, platform) : null;
        Part function = FunctionNames.of(frame, platform, contextLine != null && contextLine.contributes());

        Map<String, Part> parts = new LinkedHashMap<>();
        put(parts, "module", module);
        put(parts, "filename", filename);
        put(parts, "function", function);
        put(parts, "context_line", contextLine);

        String exclusion = null;
        if (Platforms.isJavaScript(platform) && isLowQualityJavaScript(frame)) {
            exclusion = "eval or native code";
        } else if (parts.values().stream().noneMatch(Part::contributes)) {
            exclusion = "nothing to group by";
        }
        return new FrameGrouping(parts, exclusion);
    }

    /** The frame's contributing values, as one hash input, or null when the frame gives none. */
    String value() {
        List<String> values = new ArrayList<>();
        parts.forEach((name, part) -> {
            if (part.contributes()) {
                values.add(name + "=" + part.value());
            }
        });
        return values.isEmpty() ? null : String.join("\u001F", values);
    }

    /**
     * The frame as the grouping info shows it: the values it gives, and either why it was left out or what was
     * changed or ignored in it.
     */
    ObjectNode toJson(String leftOutBecause) {
        ObjectNode json = Json.object();
        List<String> hints = new ArrayList<>();
        parts.forEach((name, part) -> {
            if (part.contributes()) {
                json.put(name, part.value());
            }
            if (part.hint() != null && !"module takes precedence".equals(part.hint())) {
                hints.add(name + ": " + part.hint());
            }
        });
        json.put("contributes", leftOutBecause == null);
        if (leftOutBecause != null) {
            json.put("hint", leftOutBecause);
        } else if (!hints.isEmpty()) {
            json.put("hint", String.join("; ", hints));
        }
        return json;
    }

    private static void put(Map<String, Part> parts, String name, Part part) {
        if (part != null) {
            parts.put(name, part);
        }
    }

    private static Part contextLine(ObjectNode frame, String platform) {
        String line = Json.text(frame, "context_line");
        if (line == null) {
            return null;
        }
        Part part = Part.of(String.join(" ", line.strip().split("\\s+")));
        if (line.codePointCount(0, line.length()) > LONGEST_CONTEXT_LINE) {
            return part.ignored("line too long");
        }
        if (Platforms.isJavaScript(platform) && Json.text(frame, "function") == null
                && Platforms.isUrl(FrameNames.path(frame), true)) {
            return part.ignored("script from a URL and no function name");
        }
        return part;
    }

    private static boolean isLowQualityJavaScript(ObjectNode frame) {
        String function = Json.text(frame, "raw_function");
        if (function == null) {
            function = Json.text(frame, "function");
        }
        boolean eval = function != null && function.substring(function.lastIndexOf('.') + 1).equals("eval");
        String path = Json.text(frame, "abs_path");
        return eval || (path != null && LOW_QUALITY_JAVASCRIPT_PATHS.contains(path));
    }
}
