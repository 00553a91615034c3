package dev.faultline.issue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import tools.jackson.databind.node.ObjectNode;

/**
 * The raw stack trace of an event as its language prints one: a Java stack trace with {@code Caused by:}, a Python
 * traceback, a V8 stack; other platforms get the V8-like form, which reads well for any language.
 */
public final class StackTraceText {

    /** An exception of the chain with the frames to print, oldest first. */
    record Thrown(ObjectNode exception, List<ObjectNode> frames) {
    }

    private StackTraceText() {
    }

    /** The whole trace; empty when the event has neither an exception nor a stack trace. */
    public static String of(ObjectNode body) {
        return of(body, false);
    }

    /**
     * @param inAppOnly leave out frames not in the application; an exception with no in-app frame keeps all its
     *                  frames, as Sentry's raw view does, since an empty trace tells nothing
     */
    public static String of(ObjectNode body, boolean inAppOnly) {
        List<Thrown> chain = chain(body, inAppOnly);
        if (chain.isEmpty()) {
            return "";
        }
        String platform = Objects.requireNonNullElse(EventFields.text(body, "platform"), "other");
        return switch (platform) {
            case "java", "groovy" -> outermostFirst(chain, "Caused by: ", "\t", StackTraceText::javaFrame, true);
            case "python" -> PythonTraceback.of(chain);
            default -> outermostFirst(chain, "Caused by: ", "    ", StackTraceText::v8Frame, false);
        };
    }

    /** As stored: the innermost cause first, the outermost exception last. */
    private static List<Thrown> chain(ObjectNode body, boolean inAppOnly) {
        List<Thrown> chain = new ArrayList<>();
        for (ObjectNode exception : EventFields.values(body == null ? null : body.get("exception"))) {
            chain.add(new Thrown(exception, frames(exception, inAppOnly)));
        }
        if (chain.isEmpty() && body != null && !EventFields.frames(body).isEmpty()) {
            chain.add(new Thrown(body.objectNode(), frames(body, inAppOnly)));
        }
        return chain;
    }

    private static List<ObjectNode> frames(ObjectNode holder, boolean inAppOnly) {
        List<ObjectNode> frames = EventFields.frames(holder);
        List<ObjectNode> inApp = frames.stream().filter(StackTraceText::inApp).toList();
        return inAppOnly && !inApp.isEmpty() ? inApp : frames;
    }

    static boolean inApp(ObjectNode frame) {
        return Boolean.TRUE.equals(EventFields.bool(frame, "in_app"));
    }

    /**
     * Java and V8 print the exception that was thrown last first, then its causes, each with its newest frame on
     * top. Java also leaves out the frames a cause shares with the exception it caused ({@code ... 3 more}).
     */
    private static String outermostFirst(List<Thrown> chain, String causedBy, String indent,
            Function<ObjectNode, String> frameText, boolean elideShared) {
        StringBuilder text = new StringBuilder();
        List<ObjectNode> enclosing = List.of();
        for (Thrown thrown : chain.reversed()) {
            String heading = heading(thrown.exception(), elideShared);
            if (!text.isEmpty()) {
                text.append('\n').append(causedBy);
            }
            text.append(heading);
            int shared = elideShared && !enclosing.isEmpty() ? sharedOldest(thrown.frames(), enclosing) : 0;
            List<ObjectNode> frames = thrown.frames();
            for (int i = frames.size() - 1; i >= shared; i--) {
                text.append('\n').append(indent).append(frameText.apply(frames.get(i)));
            }
            if (shared > 0) {
                text.append('\n').append(indent).append("... ").append(shared).append(" more");
            }
            enclosing = frames;
        }
        return text.toString();
    }

    /** {@code Type: value}; Java names the type with its package, which Sentry's Java SDK sends as the module. */
    static String heading(ObjectNode exception, boolean qualified) {
        String type = EventFields.text(exception, "type");
        String module = EventFields.text(exception, "module");
        String value = EventFields.text(exception, "value");
        String name = type == null ? "Error" : qualified && module != null ? module + "." + type : type;
        return value == null || value.isEmpty() ? name : name + ": " + value;
    }

    /** How many of the oldest frames two traces have in common. */
    private static int sharedOldest(List<ObjectNode> frames, List<ObjectNode> enclosing) {
        int shared = 0;
        while (shared < frames.size() && shared < enclosing.size()
                && sameCall(frames.get(shared), enclosing.get(shared))) {
            shared++;
        }
        return shared;
    }

    private static boolean sameCall(ObjectNode a, ObjectNode b) {
        for (String field : List.of("module", "function", "filename", "lineno")) {
            if (!Objects.equals(EventFields.text(a, field), EventFields.text(b, field))) {
                return false;
            }
        }
        return true;
    }

    /** {@code at com.shop.Cart.total(Cart.java:12)}. */
    private static String javaFrame(ObjectNode frame) {
        String module = EventFields.text(frame, "module");
        String function = Objects.requireNonNullElse(EventFields.text(frame, "function"), "<unknown>");
        String file = EventFields.text(frame, "filename");
        Integer line = EventFields.integer(frame, "lineno");
        String location = Boolean.TRUE.equals(EventFields.bool(frame, "native")) ? "Native Method"
                : file == null ? "Unknown Source" : line == null ? file : file + ":" + line;
        return "at " + (module == null ? "" : module + ".") + function + "(" + location + ")";
    }

    /** {@code at total (/app/cart.js:12:5)}, or {@code at /app/cart.js:12:5} for an anonymous function. */
    private static String v8Frame(ObjectNode frame) {
        String file = EventFields.text(frame, "abs_path");
        file = file != null ? file : Objects.requireNonNullElse(EventFields.text(frame, "filename"), "<anonymous>");
        Integer line = EventFields.integer(frame, "lineno");
        Integer column = EventFields.integer(frame, "colno");
        String location = file + (line == null ? "" : ":" + line) + (line == null || column == null ? "" : ":" + column);
        String function = EventFields.text(frame, "function");
        return "at " + (function == null ? location : function + " (" + location + ")");
    }
}
