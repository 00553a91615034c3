package dev.faultline.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What a stack trace gives to grouping: the values of its frames, oldest first. */
record StacktraceGrouping(ArrayNode frames, List<String> values) {

    // Two neighbouring frames equal in all of these are one recursive call, counted once.
    private static final List<String> RECURSION_FIELDS =
            List.of("abs_path", "package", "module", "filename", "function", "lineno", "colno");

    /**
     * @param inAppOnly whether only frames marked {@code in_app} may contribute, as in Sentry's "app" variant
     */
    static StacktraceGrouping of(List<ObjectNode> frames, String platform, boolean inAppOnly) {
        ArrayNode components = JsonNodeFactory.instance.arrayNode();
        List<String> values = new ArrayList<>();
        ObjectNode previous = null;
        for (ObjectNode frame : frames) {
            FrameGrouping grouping = FrameGrouping.of(frame, platform);
            String leftOutBecause;
            if (inAppOnly && !Json.isTrue(frame, "in_app")) {
                leftOutBecause = "non in-app frame";
            } else if (previous != null && isRecursion(frame, previous)) {
                leftOutBecause = "recursion";
            } else if (frames.size() == 1 && isBareScriptFrame(frame, platform)) {
                leftOutBecause = "lone frame of a script from a URL without a function name";
            } else {
                leftOutBecause = grouping.exclusion();
            }
            components.add(grouping.toJson(leftOutBecause));
            if (leftOutBecause == null) {
                values.add(grouping.value());
            }
            previous = frame;
        }
        return new StacktraceGrouping(components, values);
    }

    /** Only the in-app frames when any of them counts, else all frames: Sentry's "app", else "system" variant. */
    static StacktraceGrouping preferringInApp(List<ObjectNode> frames, String platform) {
        StacktraceGrouping inApp = of(frames, platform, true);
        return inApp.contributes() ? inApp : of(frames, platform, false);
    }

    boolean contributes() {
        return !values.isEmpty();
    }

    private static boolean isRecursion(ObjectNode frame, ObjectNode previous) {
        return RECURSION_FIELDS.stream().allMatch(field -> Objects.equals(frame.get(field), previous.get(field)));
    }

    private static boolean isBareScriptFrame(ObjectNode frame, String eventPlatform) {
        String platform = Json.text(frame, "platform");
        return Platforms.isJavaScript(platform == null ? eventPlatform : platform)
                && Json.text(frame, "function") == null
                && Platforms.isUrl(FrameNames.path(frame), true);
    }
}
