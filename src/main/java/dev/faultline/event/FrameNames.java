package dev.faultline.event;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ObjectNode;

/** A frame's module and file name as they count for grouping, without generated or build-specific parts. */
final class FrameNames {

    private static final List<Pattern> JAVA_CODEGEN = List.of(
            Pattern.compile("((?:sun|jdk\\.internal)\\.reflect\\.Generated(?:Serialization)?ConstructorAccessor)\\d+"),
            Pattern.compile("(\\$\\$[\\w_]+?CGLIB\\$\\$)[a-fA-F0-9]+(?:_[0-9]+)?"),
            Pattern.compile("(\\$\\$_javassist)(?:_seam)?(?:_[0-9]+)?"),
            Pattern.compile("(\\$fn__)\\d+"),
            Pattern.compile("(\\$\\$?EnhancerBy[\\w_]+?\\$?\\$)[a-fA-F0-9]+(?:_[0-9]+)?"),
            Pattern.compile("(\\$\\$?FastClassBy[\\w_]+?\\$?\\$)[a-fA-F0-9]+(?:_[0-9]+)?"),
            Pattern.compile("(\\$\\$?HibernateProxy\\$?\\$)\\w+(?:_[0-9]+)?"));
    private static final Pattern JAVASSIST_FILE = JAVA_CODEGEN.get(2);
    private static final Pattern JAVA_ANONYMOUS_CLASS = Pattern.compile("\\$\\d+(?=\\$|$)");
    private static final Pattern JAVA_HIDDEN_CLASS = Pattern.compile("/(?:0x)?[0-9a-fA-F]+$");
    /**
     * Java modules repeat from one event to the next (a framework's frames are the same in every trace), and the
     * code-generation rules are expressions: each module is normalized once.
     */
    private static final BoundedMemo<Part> JAVA_MODULES = new BoundedMemo<>(8192, 256,
            module -> normalizeJavaModule(Part.of(module)));
    private static final Pattern URL_SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*");

    // Folders and file name parts of a script URL that change with every build or say nothing. The repetitions are
    // bounded so that a pathological URL cannot overflow the stack.
    private static final Pattern SCRIPT_PATH_NOISE = Pattern.compile(
            "^(?:/|(?:(?:java)?scripts?|js|build|static|node_modules|bower_components|[_.~].*?"
                    + "|v?(?:\\d+\\.){0,8}\\d+|[a-f0-9]{7,8}|[a-f0-9]{32}|[a-f0-9]{40})/){1,64}"
                    + "|[-.][a-f0-9]{7,}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT_HASH = Pattern.compile("^[a-f0-9]{32}", Pattern.CASE_INSENSITIVE);

    private FrameNames() {
    }

    /** The frame's path, for telling where code came from: {@code abs_path}, else {@code filename}. */
    static String path(ObjectNode frame) {
        String absPath = Json.text(frame, "abs_path");
        return absPath != null ? absPath : Json.text(frame, "filename");
    }

    static Part module(ObjectNode frame, String platform) {
        String module = Json.text(frame, "module");
        String path = path(frame);
        if (module == null) {
            // Sentry names browser and Node scripts after their URL path when the SDK sent no module.
            if (Platforms.isJavaScript(platform) && path != null && (path.startsWith("http:")
                    || path.startsWith("https:") || path.startsWith("webpack:") || path.startsWith("app:"))) {
                return new Part(scriptModule(path), true, "made from the script's URL");
            }
            return null;
        }
        Part part = Part.of(module);
        if ("javascript".equals(platform) && module.contains("/") && path != null && path.endsWith(module)) {
            return part.ignored("a copy of the file's URL");
        }
        return "java".equals(platform) ? JAVA_MODULES.get(module) : part;
    }

    private static Part normalizeJavaModule(Part part) {
        String module = part.value();
        if (module.contains("$$Lambda")) {
            return part.ignored("generated lambda class");
        }
        for (String accessor : List.of("sun.reflect.GeneratedMethodAccessor",
                "jdk.internal.reflect.GeneratedMethodAccessor")) {
            if (module.startsWith(accessor)) {
                return part.rewritten(accessor, "reflection accessor number removed");
            }
        }
        // Every rule below needs a '$', a '/' or a reflection accessor's name; most modules have none of them.
        if (module.indexOf('$') < 0 && module.indexOf('/') < 0 && !module.contains(".reflect.Generated")) {
            return part;
        }
        String cleaned = module;
        for (Pattern codegen : JAVA_CODEGEN) {
            cleaned = codegen.matcher(cleaned).replaceAll("$1<auto>");
        }
        cleaned = JAVA_HIDDEN_CLASS.matcher(cleaned).replaceAll("");
        part = part.rewritten(cleaned, "generated class name normalized");
        return part.rewritten(JAVA_ANONYMOUS_CLASS.matcher(cleaned).replaceAll(""), "anonymous class number removed");
    }

    static Part filename(ObjectNode frame, String platform) {
        String filename = Json.text(frame, "filename");
        if (filename == null) {
            return null;
        }
        String base = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT);
        Part part = Part.of(base);
        if (Platforms.isUrl(path(frame), false)) {
            return part.ignored("served from a URL");
        }
        if (base.equals("<anonymous>") || base.equals("[native code]")) {
            return part.ignored("not a file");
        }
        return "java".equals(platform)
                ? part.rewritten(JAVASSIST_FILE.matcher(base).replaceAll("$1<auto>"), "generated class name normalized")
                : part;
    }

    /** A module name made from a script URL: the path without host, query, extension and build hashes. */
    static String scriptModule(String url) {
        String path = urlPath(url);
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot > slash && !path.substring(slash + 1, dot).chars().allMatch(c -> c == '.')) {
            path = path.substring(0, dot);
        }
        if (path.endsWith(".min")) {
            path = path.substring(0, path.length() - 4);
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (CONTENT_HASH.matcher(segments[i]).lookingAt()) {
                return String.join("/", List.of(segments).subList(i + 1, segments.length));
            }
        }
        String module = SCRIPT_PATH_NOISE.matcher(path).replaceAll("");
        return module.isEmpty() ? "<unknown module>" : module;
    }

    private static String urlPath(String url) {
        String path = url;
        int end = indexOfAny(path, "?#");
        if (end >= 0) {
            path = path.substring(0, end);
        }
        int colon = path.indexOf(':');
        if (colon > 0 && URL_SCHEME.matcher(path.substring(0, colon)).matches()) {
            path = path.substring(colon + 1);
        }
        if (path.startsWith("//")) {
            int slash = path.indexOf('/', 2);
            path = slash < 0 ? "" : path.substring(slash);
        }
        return path;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
