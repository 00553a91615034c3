package dev.faultline.issue;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.issue.EventView.ContextLine;
import dev.faultline.issue.EventView.ExceptionView;
import dev.faultline.issue.EventView.Frame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The exceptions of an event and their frames, for the event page. */
final class ExceptionViews {

    private ExceptionViews() {
    }

    /** The event's exceptions; a lone top-level stack trace (a message with a trace) shows as one without a type. */
    static List<ExceptionView> of(ObjectNode event) {
        List<ExceptionView> exceptions = new ArrayList<>();
        for (ObjectNode exception : EventFields.values(event.get("exception"))) {
            ObjectNode mechanism = EventFields.object(exception, "mechanism");
            exceptions.add(new ExceptionView(EventFields.text(exception, "type"), EventFields.text(exception, "value"),
                    EventFields.text(exception, "module"), EventFields.text(mechanism, "type"),
                    EventFields.bool(mechanism, "handled"), frames(exception)));
        }
        if (exceptions.isEmpty() && !EventFields.frames(event).isEmpty()) {
            exceptions.add(new ExceptionView(null, null, null, null, null, frames(event)));
        }
        return exceptions;
    }

    private static List<Frame> frames(JsonNode holder) {
        List<Frame> frames = new ArrayList<>();
        for (ObjectNode frame : EventFields.frames(holder)) {
            String file = EventFields.text(frame, "filename");
            Integer line = EventFields.integer(frame, "lineno");
            frames.add(new Frame(file != null ? file : EventFields.text(frame, "abs_path"),
                    EventFields.text(frame, "function"), EventFields.text(frame, "module"), line,
                    EventFields.integer(frame, "colno"), Boolean.TRUE.equals(EventFields.bool(frame, "in_app")),
                    contextLines(frame, line), EventFields.pairs(frame.get("vars"))));
        }
        return frames;
    }

    /** Source lines around the frame, numbered back and forth from its line as Sentry does; none without a line. */
    static List<ContextLine> contextLines(ObjectNode frame, Integer line) {
        String contextLine = EventFields.text(frame, "context_line");
        if (line == null || contextLine == null) {
            return List.of();
        }
        List<String> before = lines(frame.get("pre_context"));
        List<ContextLine> lines = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            lines.add(new ContextLine(line - before.size() + i, before.get(i), false));
        }
        lines.add(new ContextLine(line, contextLine, true));
        List<String> after = lines(frame.get("post_context"));
        for (int i = 0; i < after.size(); i++) {
            lines.add(new ContextLine(line + 1 + i, after.get(i), false));
        }
        return lines;
    }

    private static List<String> lines(JsonNode node) {
        List<String> lines = new ArrayList<>();
        if (node instanceof ArrayNode list) {
            for (JsonNode line : list) {
                String text = EventFields.text(line);
                lines.add(text == null ? "" : text);
            }
        }
        return lines;
    }
}
