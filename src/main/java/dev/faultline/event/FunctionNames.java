package dev.faultline.event;

import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ObjectNode;

/** A frame's function name as it counts for grouping: without what changes between builds, or left out. */
final class FunctionNames {

    private static final Pattern RUBY_ERB_SUFFIX = Pattern.compile("__\\d{4,}_\\d{4,}$");
    private static final Set<String> JAVASCRIPT_ANONYMOUS =
            Set.of("?", "<anonymous function>", "<anonymous>", "Anonymous function");

    private FunctionNames() {
    }

    /**
     * The function part of a frame, or null when it has none.
     *
     * @param contextLineContributes whether the frame's source line is grouped by, which makes a JavaScript
     *                               function name from a source map redundant
     */
    static Part of(ObjectNode frame, String platform, boolean contextLineContributes) {
        String function = Json.text(frame, "function");
        String raw = Json.text(frame, "raw_function");
        if (function == null && raw == null) {
            return null;
        }
        // A raw_function means the SDK or symbolicator already trimmed `function`.
        Part part = Part.of(function == null ? raw : raw == null ? trimmed(function, platform) : function);
        String name = part.value();
        if ("java".equals(platform)) {
            // javac numbers lambdas (lambda$main$0) in the order they appear in the class: adding one renumbers others.
            return name.startsWith("lambda$") ? part.rewritten("lambda$", "Java lambda name normalized") : part;
        }
        if ("python".equals(platform)) {
            return name.equals("<lambda>") ? part.ignored("anonymous function") : part;
        }
        if ("ruby".equals(platform)) {
            return name.startsWith("block ")
                    ? part.rewritten("block", "Ruby block")
                    : part.rewritten(RUBY_ERB_SUFFIX.matcher(name).replaceAll(""), "generated template suffix removed");
        }
        if ("php".equals(platform)) {
            return php(part);
        }
        if (Platforms.isNative(platform)) {
            return name.equals("<redacted>") || name.equals("<unknown>") ? part.ignored("unknown function") : part;
        }
        if (Platforms.isJavaScript(platform)) {
            return javaScript(part, frame, contextLineContributes);
        }
        return part;
    }

    private static String trimmed(String function, String platform) {
        if ("csharp".equals(platform)) {
            return function.split(" \\(", 2)[0];
        }
        return Platforms.isNative(platform) ? NativeFunctionNames.trim(function) : function;
    }

    private static Part php(Part part) {
        String name = part.value();
        if (name.startsWith("[Anonymous") || name.startsWith("class@anonymous\u0000")) {
            part = part.ignored("anonymous function");
        }
        int method = name.lastIndexOf("::");
        if (name.startsWith("class@anonymous") && method >= 0) {
            part = part.rewritten(name.substring(method + 2), "anonymous class method");
        }
        return part;
    }

    private static Part javaScript(Part part, ObjectNode frame, boolean contextLineContributes) {
        // Browsers name the same method Object.foo, Foo.foo or foo.
        String name = part.value().substring(part.value().lastIndexOf('.') + 1);
        if (name.isEmpty() || JAVASCRIPT_ANONYMOUS.contains(name) || name.endsWith("/<")) {
            return part.ignored("anonymous function");
        }
        part = part.rewritten(name, "object prefix removed");
        ObjectNode data = Json.object(frame, "data");
        if (contextLineContributes && data != null && data.hasNonNull("sourcemap")) {
            return part.ignored("names from source maps are unreliable; the source line is used");
        }
        return part;
    }
}
