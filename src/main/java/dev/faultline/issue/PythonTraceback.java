package dev.faultline.issue;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/** A Python traceback: causes first, each with its oldest frame on top and its source line under it. */
final class PythonTraceback {

    /** Python leaves the module out of the names of built-in exceptions and those defined in the main script. */
    private static final Set<String> UNQUALIFIED_MODULES = Set.of("builtins", "__builtin__", "exceptions", "__main__");
    private static final String DIRECT_CAUSE = "The above exception was the direct cause of the following exception:";
    private static final String DURING_HANDLING = "During handling of the above exception, another exception occurred:";

    private PythonTraceback() {
    }

    static String of(List<StackTraceText.Thrown> chain) {
        StringBuilder text = new StringBuilder();
        ObjectNode cause = null;
        for (StackTraceText.Thrown thrown : chain) {
            if (cause != null) {
                // The SDK says how a cause was attached ("raise ... from" sets __cause__); implicit chaining is the
                // usual case when it does not say.
                boolean direct = "__cause__".equals(EventFields.text(EventFields.object(cause, "mechanism"), "source"));
                text.append("\n\n").append(direct ? DIRECT_CAUSE : DURING_HANDLING).append("\n\n");
            }
            if (!thrown.frames().isEmpty()) {
                text.append("Traceback (most recent call last):\n");
            }
            thrown.frames().forEach(frame -> frame(text, frame));
            text.append(heading(thrown.exception()));
            cause = thrown.exception();
        }
        return text.toString();
    }

    private static void frame(StringBuilder text, ObjectNode frame) {
        String file = EventFields.text(frame, "abs_path");
        file = file != null ? file : EventFields.text(frame, "filename");
        Integer line = EventFields.integer(frame, "lineno");
        String function = EventFields.text(frame, "function");
        text.append("  File \"").append(file == null ? "<unknown>" : file).append('"');
        if (line != null) {
            text.append(", line ").append(line);
        }
        if (function != null) {
            text.append(", in ").append(function);
        }
        text.append('\n');
        String source = EventFields.text(frame, "context_line");
        if (source != null && !source.isBlank()) {
            text.append("    ").append(source.strip()).append('\n');
        }
    }

    private static String heading(ObjectNode exception) {
        String module = EventFields.text(exception, "module");
        boolean qualified = module != null && !UNQUALIFIED_MODULES.contains(module);
        return StackTraceText.heading(exception, qualified);
    }
}
