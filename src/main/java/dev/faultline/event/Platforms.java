package dev.faultline.event;

import java.util.Set;

/** Sentry's platform families, which decide how frames are read. */
final class Platforms {

    private static final Set<String> NATIVE = Set.of("objc", "cocoa", "swift", "native", "c", "cpp");

    /** Platforms whose source lines are good enough to group by (Sentry trusts these to ship real source). */
    private static final Set<String> CONTEXT_LINES = Set.of("javascript", "node", "python", "php", "ruby");

    private Platforms() {
    }

    static boolean isJavaScript(String platform) {
        return "javascript".equals(platform) || "node".equals(platform);
    }

    static boolean isNative(String platform) {
        return platform != null && NATIVE.contains(platform);
    }

    static boolean groupsByContextLine(String platform) {
        return platform != null && CONTEXT_LINES.contains(platform);
    }

    /** Whether a path is a URL: such file names say where a script was served from, not what it is. */
    static boolean isUrl(String path, boolean fileUrlsCount) {
        if (path == null) {
            return false;
        }
        return path.startsWith("http:") || path.startsWith("https:") || path.startsWith("applewebdata:")
                || path.startsWith("blob:") || (fileUrlsCount && path.startsWith("file:"));
    }
}
