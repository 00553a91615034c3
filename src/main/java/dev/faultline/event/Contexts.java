package dev.faultline.event;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code contexts} interface: an object of objects, each with its {@code type}; runtime, OS and browser
 * contexts get relay's computed one-line summary ({@code "CPython 3.9.9"}), and names parsed from raw descriptions.
 */
final class Contexts {

    private static final Pattern WINDOWS = Pattern.compile(
            "^(?:Microsoft\\s+)?Windows\\s+(?:NT\\s+)?(\\d+\\.\\d+\\.(\\d+)).*$");
    private static final Pattern MACOS = Pattern.compile("^Mac OS X (\\d+\\.\\d+\\.\\d+)(?: \\(([a-fA-F0-9]+)\\))?$");
    private static final Pattern IOS = Pattern.compile("^(iOS|iPadOS) (\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final Pattern LINUX_DISTRO = Pattern.compile(
            "^Linux (\\d+\\.\\d+(?:\\.\\d+(?:\\.[1-9]+)?)?) ([a-zA-Z]+) (\\d+(?:\\.\\d+){0,2})");
    private static final Pattern UNAME = Pattern.compile("^([a-zA-Z]+) (\\d+\\.\\d+(?:\\.\\d+(?:\\.[1-9]+)?)?)");
    private static final Pattern ANDROID = Pattern.compile("^Android (?:OS )?(\\d+(?:\\.\\d+){0,2}) / API-(\\d+)");
    private static final Pattern NAME_AND_VERSION = Pattern.compile("^(.*) (\\d+\\.\\d+(?:\\.\\d+){0,2}).*$");

    private Contexts() {
    }

    /** Keeps object-valued contexts, trimmed as relay's large data bags; the result is never null. */
    static ObjectNode normalize(ObjectNode event) {
        ObjectNode contexts = Json.NODES.objectNode();
        ObjectNode sent = Json.object(event.get("contexts"));
        if (sent != null) {
            for (Map.Entry<String, JsonNode> entry : sent.properties()) {
                JsonNode trimmed = entry.getValue().isObject()
                        ? Trimming.bag(entry.getValue(), Trimming.Bag.LARGE) : null;
                if (trimmed instanceof ObjectNode context) {
                    if (Json.nonBlank(context.get("type")) == null) {
                        context.put("type", entry.getKey());
                    }
                    contexts.set(entry.getKey(), context);
                }
            }
        }
        event.set("contexts", contexts);
        return contexts;
    }

    /** Relay's computed fields, run after the User-Agent contexts are added. */
    static void summarize(ObjectNode contexts) {
        for (Map.Entry<String, JsonNode> entry : contexts.properties()) {
            ObjectNode context = (ObjectNode) entry.getValue();
            switch (Json.string(context.get("type"))) {
                case "runtime" -> runtime(context);
                case "os" -> os(context);
                case "browser" -> summary(context, "browser");
                case null, default -> {
                }
            }
        }
    }

    private static void runtime(ObjectNode runtime) {
        String raw = Json.string(runtime.get("raw_description"));
        if (!runtime.has("name") && !runtime.has("version") && raw != null) {
            Matcher matcher = NAME_AND_VERSION.matcher(raw);
            if (matcher.matches()) {
                runtime.put("name", matcher.group(1));
                runtime.put("version", matcher.group(2));
            }
        }
        summary(runtime, "runtime");
    }

    private static void os(ObjectNode os) {
        String raw = Json.string(os.get("raw_description"));
        if (!os.has("name") && !os.has("version") && raw != null) {
            parseOs(os, raw);
        }
        summary(os, "os");
    }

    private static void parseOs(ObjectNode os, String raw) {
        Matcher matcher;
        if ((matcher = WINDOWS.matcher(raw)).matches()) {
            set(os, "Windows", matcher.group(1));
            os.put("build", matcher.group(2));
        } else if ((matcher = MACOS.matcher(raw)).matches()) {
            set(os, "macOS", matcher.group(1));
            Json.putOrRemove(os, "build", matcher.group(2));
        } else if ((matcher = IOS.matcher(raw)).find()) {
            set(os, matcher.group(1), matcher.group(2));
        } else if ((matcher = LINUX_DISTRO.matcher(raw)).find()) {
            set(os, matcher.group(2), matcher.group(3));
            os.put("kernel_version", matcher.group(1));
        } else if ((matcher = UNAME.matcher(raw)).find()) {
            set(os, matcher.group(1), null);
            os.put("kernel_version", matcher.group(2));
        } else if ((matcher = ANDROID.matcher(raw)).find()) {
            set(os, "Android", matcher.group(1));
        }
    }

    private static void set(ObjectNode context, String name, String version) {
        context.put("name", name);
        Json.putOrRemove(context, "version", version);
    }

    /** Sentry's one-line form, "name version", used for tags. */
    private static void summary(ObjectNode context, String field) {
        String name = Json.nonBlank(context.get("name"));
        String version = Json.scalar(context.get("version"));
        if (context.has(field) || name == null) {
            return;
        }
        context.put(field, version == null || version.isBlank() ? name : name + " " + version);
    }
}
