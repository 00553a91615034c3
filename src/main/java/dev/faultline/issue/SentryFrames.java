package dev.faultline.issue;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Stack traces in Sentry's API: frames with camelCase keys and the source around a line as numbered lines. */
final class SentryFrames {

    private SentryFrames() {
    }

    static ObjectNode stacktrace(ObjectNode stacktrace) {
        ObjectNode json = JsonMapper.shared().createObjectNode();
        List<ObjectNode> frames = EventFields.values(stacktrace.get("frames"));
        ArrayNode list = json.putArray("frames");
        frames.forEach(frame -> list.add(frame(frame)));
        json.putNull("framesOmitted");
        ObjectNode registers = EventFields.object(stacktrace, "registers");
        json.set("registers", registers == null ? null : registers.deepCopy());
        json.put("hasSystemFrames", hasSystemFrames(frames));
        return json;
    }

    /** Whether hiding the frames outside the app would leave some: there are frames of both kinds. */
    static boolean hasSystemFrames(List<ObjectNode> frames) {
        boolean app = frames.stream().anyMatch(StackTraceText::inApp);
        return app && frames.stream().anyMatch(frame -> !StackTraceText.inApp(frame));
    }

    static ObjectNode frame(ObjectNode frame) {
        ObjectNode json = JsonMapper.shared().createObjectNode();
        json.put("filename", EventFields.text(frame, "filename"));
        json.put("absPath", EventFields.text(frame, "abs_path"));
        json.put("module", EventFields.text(frame, "module"));
        json.put("package", EventFields.text(frame, "package"));
        json.put("platform", EventFields.text(frame, "platform"));
        json.put("function", EventFields.text(frame, "function"));
        json.put("rawFunction", EventFields.text(frame, "raw_function"));
        json.put("symbol", EventFields.text(frame, "symbol"));
        json.put("symbolAddr", EventFields.text(frame, "symbol_addr"));
        json.put("instructionAddr", EventFields.text(frame, "instruction_addr"));
        json.put("trust", EventFields.text(frame, "trust"));
        Integer line = EventFields.integer(frame, "lineno");
        json.put("lineNo", line);
        json.put("colNo", EventFields.integer(frame, "colno"));
        json.put("inApp", StackTraceText.inApp(frame));
        ArrayNode context = json.putArray("context");
        for (EventView.ContextLine source : ExceptionViews.contextLines(frame, line)) {
            context.addArray().add(source.lineNo()).add(source.text());
        }
        JsonNode vars = frame.get("vars");
        json.set("vars", vars instanceof ObjectNode object ? object.deepCopy() : null);
        JsonNode errors = frame.get("errors");
        json.set("errors", errors != null && errors.isArray() ? errors.deepCopy() : null);
        return json;
    }
}
