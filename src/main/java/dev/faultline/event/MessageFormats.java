package dev.faultline.event;

import java.math.BigDecimal;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Log message templates with their parameters, as relay formats them: printf-style ({@code %s}, {@code %d},
 * {@code %(name)s}) when the template has a {@code %}, otherwise brace-style ({@code {}}, {@code {0}},
 * {@code {name}}). A template that does not fit its parameters gives null, and the template is shown as it is.
 */
final class MessageFormats {

    private static final Pattern PRINTF = Pattern.compile(
            "%(?:(%)|(?:\\(([^)]*)\\))?([-+ #0]*)(\\d+)?(\\.\\d+)?[hlL]?([sdiurfFeEgGxXoc]))");
    private static final Pattern BRACES = Pattern.compile("\\{\\{|}}|\\{([^{}]*)}");
    private static final Pattern INDEX = Pattern.compile("\\d{1,4}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private MessageFormats() {
    }

    static String format(String template, JsonNode params) {
        try {
            if (template.contains("%")) {
                return printf(template, params);
            }
            if (template.contains("{")) {
                return braces(template, params);
            }
        } catch (IllegalFormatException | ArithmeticException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String printf(String template, JsonNode params) {
        Matcher matcher = PRINTF.matcher(template);
        StringBuilder out = new StringBuilder();
        int position = 0;
        int next = 0;
        while (matcher.find()) {
            out.append(template, position, matcher.start());
            position = matcher.end();
            if (matcher.group(1) != null) {
                out.append('%');
                continue;
            }
            JsonNode argument = matcher.group(2) != null ? named(params, matcher.group(2)) : positional(params, next++);
            String converted = argument == null ? null : convert(argument, matcher);
            if (converted == null) {
                return null;
            }
            out.append(converted);
        }
        return out.append(template, position, template.length()).toString();
    }

    private static String convert(JsonNode argument, Matcher spec) {
        String flags = spec.group(3) + (spec.group(4) == null ? "" : spec.group(4));
        String precision = spec.group(5) == null ? "" : spec.group(5);
        char conversion = spec.group(6).charAt(0);
        return switch (conversion) {
            case 's' -> String.format(Locale.ROOT, "%" + flags.replace("#", "") + precision + "s", text(argument));
            case 'r' -> String.format(Locale.ROOT, "%" + flags.replace("#", "") + precision + "s", repr(argument));
            case 'c' -> text(argument);
            case 'd', 'i', 'u' -> {
                BigDecimal number = number(argument);
                yield number == null ? null
                        : String.format(Locale.ROOT, "%" + flags + "d", number.toBigInteger());
            }
            case 'x', 'X', 'o' -> {
                BigDecimal number = number(argument);
                yield number == null ? null
                        : String.format(Locale.ROOT, "%" + flags + conversion, number.toBigIntegerExact());
            }
            default -> {
                BigDecimal number = number(argument);
                char javaConversion = conversion == 'F' ? 'f' : conversion;
                yield number == null ? null : String.format(Locale.ROOT,
                        "%" + flags + (precision.isEmpty() ? ".6" : precision) + javaConversion, number);
            }
        };
    }

    private static String braces(String template, JsonNode params) {
        Matcher matcher = BRACES.matcher(template);
        StringBuilder out = new StringBuilder();
        int position = 0;
        int next = 0;
        while (matcher.find()) {
            out.append(template, position, matcher.start());
            position = matcher.end();
            String field = matcher.group(1);
            if (field == null) {
                out.append(matcher.group().charAt(0));
                continue;
            }
            field = field.split("[:!]", 2)[0].strip();
            JsonNode argument = field.isEmpty() ? positional(params, next++)
                    : INDEX.matcher(field).matches() ? positional(params, Integer.parseInt(field))
                    : named(params, field);
            if (argument == null) {
                return null;
            }
            out.append(text(argument));
        }
        return out.append(template, position, template.length()).toString();
    }

    private static JsonNode positional(JsonNode params, int index) {
        if (params != null && params.isArray()) {
            return params.get(index);
        }
        // A lone parameter, as in Python's "%s" % value.
        return index == 0 && params != null && !params.isContainer() ? params : null;
    }

    private static JsonNode named(JsonNode params, String name) {
        return params != null && params.isObject() ? params.get(name) : null;
    }

    private static String text(JsonNode argument) {
        if (argument.isNull()) {
            return "None";
        }
        String scalar = Json.scalar(argument);
        return scalar != null ? scalar : BoundedJson.write(argument, Trimming.MAX_STRING_CHARS);
    }

    private static String repr(JsonNode argument) {
        return argument.isString() ? "'" + argument.stringValue() + "'" : text(argument);
    }

    private static BigDecimal number(JsonNode argument) {
        if (argument.isNumber()) {
            return argument.decimalValue();
        }
        String text = Json.string(argument);
        return text != null && DECIMAL.matcher(text.strip()).matches() ? new BigDecimal(text.strip()) : null;
    }
}
