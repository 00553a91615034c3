package dev.faultline.issue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.faultline.issue.EventView.Context;
import dev.faultline.issue.EventView.Pair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An event's contexts ({@code browser}, {@code os}, {@code runtime} ...) as titled lists of values. */
final class ContextViews {

    private static final Map<String, String> TITLES = Map.ofEntries(Map.entry("browser", "Browser"),
            Map.entry("client_os", "Client OS"), Map.entry("os", "OS"), Map.entry("device", "Device"),
            Map.entry("runtime", "Runtime"), Map.entry("app", "App"), Map.entry("gpu", "GPU"),
            Map.entry("trace", "Trace"), Map.entry("culture", "Culture"), Map.entry("cloud_resource", "Cloud Resource"),
            Map.entry("response", "Response"), Map.entry("state", "State"), Map.entry("otel", "OpenTelemetry"),
            Map.entry("react", "React"), Map.entry("profile", "Profile"), Map.entry("replay", "Replay"));

    private ContextViews() {
    }

    static List<Context> of(ObjectNode contexts) {
        List<Context> views = new ArrayList<>();
        if (contexts == null) {
            return views;
        }
        for (Map.Entry<String, JsonNode> entry : contexts.properties()) {
            if (!(entry.getValue() instanceof ObjectNode context)) {
                continue;
            }
            // "type" names the kind of context, which the title already says.
            List<Pair> values = EventFields.pairs(context).stream().filter(pair -> !pair.key().equals("type"))
                    .toList();
            if (!values.isEmpty()) {
                views.add(new Context(entry.getKey(), title(entry.getKey(), EventFields.text(context, "type")),
                        values));
            }
        }
        return views;
    }

    /** The known title of the context's name or type; else its name in words: {@code my_ctx} is "My Ctx". */
    static String title(String name, String type) {
        String known = TITLES.get(name);
        if (known == null && type != null) {
            known = TITLES.get(type);
        }
        if (known != null) {
            return known;
        }
        StringBuilder words = new StringBuilder();
        for (String word : name.split("[_\\s]+")) {
            if (!word.isEmpty()) {
                words.append(words.isEmpty() ? "" : " ").append(word.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(word.substring(1));
            }
        }
        return words.isEmpty() ? name : words.toString();
    }
}
