package dev.faultline.event;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * Sentry's default grouping: by the first of these the event has that gives something to group by — exception,
 * the crashed thread's stack, the stack trace, a CSP report, the message — and else all such events together.
 */
final class DefaultGrouping {

    private DefaultGrouping() {
    }

    static Grouped of(ObjectNode event) {
        Grouped grouped = ExceptionGrouping.of(event);
        if (grouped == null) {
            grouped = frames("threads", threadFrames(event), event);
        }
        if (grouped == null) {
            grouped = frames("stacktrace", Json.frames(event), event);
        }
        if (grouped == null) {
            grouped = CspGrouping.of(event);
        }
        Part message = message(event);
        if (grouped == null && message != null) {
            return Grouped.of("message", message, "message=" + message.value());
        }
        if (grouped == null) {
            return Grouped.of("fallback",
                    new Part(null, true, "no exception, stack trace, CSP report or message: grouped with all such"),
                    "fallback");
        }
        if (message != null) {
            String winner = grouped.components().propertyNames().iterator().next();
            grouped.components().set("message", message.ignored(winner + " takes precedence").toJson());
        }
        return grouped;
    }

    /** The stack of the one thread that crashed, else of the current one, else of the only one, as in Sentry. */
    private static List<ObjectNode> threadFrames(ObjectNode event) {
        List<ObjectNode> threads = Json.values(event, "threads");
        for (String marker : List.of("crashed", "current")) {
            List<ObjectNode> marked = threads.stream().filter(thread -> Json.isTrue(thread, marker)).toList();
            if (marked.size() == 1) {
                return Json.frames(marked.getFirst());
            }
        }
        return threads.size() == 1 ? Json.frames(threads.getFirst()) : List.of();
    }

    private static Grouped frames(String component, List<ObjectNode> frames, ObjectNode event) {
        StacktraceGrouping stack = StacktraceGrouping.preferringInApp(frames, Json.text(event, "platform"));
        if (!stack.contributes()) {
            return null;
        }
        ObjectNode components = Json.object();
        components.putObject(component).set("frames", stack.frames());
        return new Grouped(stack.values(), components);
    }

    /** The template when the SDK sent one, so that its parameters do not split the issue; else the text. */
    private static Part message(ObjectNode event) {
        ObjectNode logentry = Json.object(event, "logentry");
        String message = Json.text(logentry, "message");
        if (message == null) {
            message = Json.text(logentry, "formatted");
        }
        return message == null ? null : Messages.normalize(message);
    }
}
