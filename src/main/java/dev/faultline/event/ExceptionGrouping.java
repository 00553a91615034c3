package dev.faultline.event;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Groups by the exception chain: every exception, causes first, gives its type and its frames, or its normalized
 * message when none of its frames count.
 *
 * <p>As in Sentry, frames marked {@code in_app} decide for the whole event: when any exception has an in-app frame
 * that counts, only in-app frames count in every exception, and an exception with none falls back to type and
 * message. Otherwise all frames count. So a change in a library's frames does not split an issue, as long as the
 * application's own frames stay the same.
 */
final class ExceptionGrouping {

    private ExceptionGrouping() {
    }

    static Grouped of(ObjectNode event) {
        List<ObjectNode> exceptions = Json.values(event, "exception");
        String platform = Json.text(event, "platform");
        List<StacktraceGrouping> stacks = stacks(exceptions, platform, true);
        if (stacks.stream().noneMatch(StacktraceGrouping::contributes)) {
            stacks = stacks(exceptions, platform, false);
        }
        ArrayNode components = JsonNodeFactory.instance.arrayNode();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < exceptions.size(); i++) {
            components.add(exception(exceptions.get(i), stacks.get(i), values));
        }
        if (values.isEmpty()) {
            return null;
        }
        ObjectNode wrapper = Json.object();
        wrapper.set("exception", components);
        return new Grouped(values, wrapper);
    }

    private static List<StacktraceGrouping> stacks(List<ObjectNode> exceptions, String platform, boolean inAppOnly) {
        return exceptions.stream()
                .map(exception -> StacktraceGrouping.of(Json.frames(exception), platform, inAppOnly))
                .toList();
    }

    private static ObjectNode exception(ObjectNode exception, StacktraceGrouping stack, List<String> values) {
        ObjectNode json = Json.object();
        String typeName = Json.text(exception, "type");
        if (typeName != null) {
            Part type = Part.of(typeName);
            if (Json.isTrue(Json.object(exception, "mechanism"), "synthetic")) {
                // The SDK made the exception up to carry a stack trace; its type varies by platform and says nothing.
                type = type.ignored("synthetic exception");
            } else {
                values.add("type=" + typeName);
            }
            json.set("type", type.toJson());
        }
        String message = Json.text(exception, "value");
        if (message != null) {
            Part value;
            if (stack.contributes()) {
                // Shown as it came: normalizing a value that does not count was a tenth of digest's time.
                value = Part.of(message).ignored("stack trace takes precedence");
            } else {
                value = Messages.normalize(message);
                values.add("value=" + value.value());
            }
            json.set("value", value.toJson());
        }
        if (!stack.frames().isEmpty()) {
            json.set("frames", stack.frames());
            values.addAll(stack.values());
        }
        return json;
    }
}
