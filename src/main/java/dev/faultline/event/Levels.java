package dev.faultline.event;

import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Sentry's five levels, from the names and numbers SDKs send. */
final class Levels {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("debug", "debug"), Map.entry("trace", "debug"),
            Map.entry("info", "info"), Map.entry("log", "info"), Map.entry("notice", "info"),
            Map.entry("warning", "warning"), Map.entry("warn", "warning"),
            Map.entry("error", "error"), Map.entry("err", "error"),
            Map.entry("fatal", "fatal"), Map.entry("critical", "fatal"));

    /** Python's logging levels, which relay accepts as numbers. */
    private static final Map<Integer, String> NUMBERS = Map.of(10, "debug", 20, "info", 30, "warning", 40, "error",
            50, "fatal");

    private Levels() {
    }

    /** The level, or null when the value names none. */
    static String parse(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return NUMBERS.get(node.intValue());
        }
        String text = Json.string(node);
        if (text == null) {
            return null;
        }
        text = text.strip().toLowerCase(Locale.ROOT);
        return isSmallNumber(text) ? NUMBERS.get(Integer.parseInt(text)) : NAMES.get(text);
    }

    private static boolean isSmallNumber(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
