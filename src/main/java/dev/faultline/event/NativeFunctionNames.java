package dev.faultline.event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reduces a demangled C, C++, Rust or Swift symbol to its bare function name, as Sentry does before grouping:
 * {@code void std::vector<int>::push_back(int const&) const} becomes {@code std::vector<T>::push_back}. Argument
 * lists, template arguments, return types and compiler-specific lambda names change between builds and compilers
 * without the code changing.
 */
final class NativeFunctionNames {

    private static final Pattern TRAILER = Pattern.compile("(\\bconst\\b|&)$");
    private static final Pattern LAMBDA = Pattern.compile(
            "\\{lambda\\(.*?\\)#\\d+\\}" // gcc
                    + "|\\blambda_[a-f0-9]{32}\\b" // msvc
                    + "|\\$_\\d+\\b"); // clang
    private static final Pattern MSVC_ANONYMOUS_NAMESPACE = Pattern.compile("\\?A0x[a-f0-9]{8}::");
    private static final Pattern RUST_HASH = Pattern.compile("::h[a-z0-9]{16}$");
    private static final Pattern RUST_BLANKET_IMPL = Pattern.compile("^[A-Z] as ");
    private static final Pattern WINDOWS_DECORATION = Pattern.compile("^@?(.*?)@[0-9]+$");
    // Nesting of leading <Type as Trait> beyond any real symbol: a bound on the recursion for garbage input.
    private static final int MAX_LEADING_GENERICS = 16;

    // Stand-ins, during the bracket matching, for operators and markers that contain brackets themselves.
    private static final String OPERATOR_LESS = "operator\uE000";
    private static final String OPERATOR_CALL = "operator\uE001";
    private static final String ARROW = "\uE002";
    private static final String ANONYMOUS_NAMESPACE = "\uE003";

    private NativeFunctionNames() {
    }

    static String trim(String function) {
        String name = function.strip();
        if (name.startsWith("[") || name.startsWith("+[") || name.startsWith("-[")) {
            return name; // Objective-C selectors are already just names
        }
        var trailer = TRAILER.matcher(name);
        while (trailer.find()) {
            name = name.substring(0, trailer.start()).stripTrailing();
            trailer = TRAILER.matcher(name);
        }
        name = name.replace("operator<<", OPERATOR_LESS + "\uE000")
                .replace("operator<", OPERATOR_LESS)
                .replace("operator()", OPERATOR_CALL)
                .replace(" -> ", " " + ARROW + " ")
                .replace("`anonymous namespace'", ANONYMOUS_NAMESPACE);
        name = LAMBDA.matcher(name).replaceAll("lambda");
        name = MSVC_ANONYMOUS_NAMESPACE.matcher(name).replaceAll(ANONYMOUS_NAMESPACE + "::");
        name = replaceEnclosed(name, '(', ')', (inside, at) -> keptParentheses(inside));
        name = replaceEnclosed(name, '<', '>', (inside, at) -> generics(inside, at, 0));

        List<String> tokens = tokens(name);
        if (tokens.size() > 1 && tokens.getLast().equals("<T>")) {
            tokens.removeLast();
            tokens.set(tokens.size() - 1, tokens.getLast() + " <T>");
        }
        // The name is the last token, or the one before a Swift-style "->" return type.
        int arrow = tokens.indexOf(ARROW);
        String token = arrow > 0 ? tokens.get(arrow - 1) : tokens.isEmpty() ? null : tokens.getLast();
        if (token == null) {
            return function;
        }
        name = token.replace("\uE000", "<")
                .replace("\uE001", "()")
                .replace(ARROW, "->")
                .replace(ANONYMOUS_NAMESPACE, "`anonymous namespace'");
        name = RUST_HASH.matcher(name).replaceAll("");
        return WINDOWS_DECORATION.matcher(name).replaceAll("$1");
    }

    private static String keptParentheses(String inside) {
        String trimmed = inside.strip();
        return trimmed.equals("anonymous namespace") || trimmed.equals("operator") ? "(" + trimmed + ")" : "";
    }

    private static String generics(String inside, int at, int depth) {
        if (inside.equals("lambda") || LAMBDA.matcher(inside).lookingAt()) {
            return "<" + inside + ">";
        }
        if (at > 0 || depth > MAX_LEADING_GENERICS) {
            return "<T>";
        }
        // A leading <Type as Trait> is Rust's way of naming a trait method: keep the type.
        String type = RUST_BLANKET_IMPL.matcher(inside).replaceFirst("");
        type = replaceEnclosed(type, '<', '>', (nested, nestedAt) -> generics(nested, nestedAt, depth + 1));
        return type.split(" as ", 2)[0];
    }

    /** Replaces each outermost {@code open ... close} span by what {@code replacement} makes of its inside. */
    private static String replaceEnclosed(String text, char open, char close,
                                          BiFunction<String, Integer, String> replacement) {
        if (text.indexOf(open) < 0) {
            return text;
        }
        StringBuilder result = new StringBuilder();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == open) {
                if (depth == 0) {
                    start = i;
                }
                depth++;
            } else if (c == close && depth > 0) {
                depth--;
                if (depth == 0) {
                    result.append(replacement.apply(text.substring(start + 1, i), start));
                }
            } else if (depth == 0) {
                result.append(c);
            }
        }
        return result.toString();
    }

    /** Splits on white space outside brackets, so that {@code unsigned int foo<T>} gives three tokens. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        Deque<Character> closers = new ArrayDeque<>();
        int end = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char closer = closer(c);
            if (closer != 0) {
                closers.push(closer);
            } else if (!closers.isEmpty() && c == closers.peek()) {
                closers.pop();
                if (closers.isEmpty()) {
                    token.append(text, end, i + 1);
                    end = i + 1;
                }
            } else if (closers.isEmpty()) {
                if (Character.isWhitespace(c)) {
                    if (!token.isEmpty()) {
                        tokens.add(token.toString());
                        token.setLength(0);
                    }
                } else {
                    token.append(text, end, i + 1);
                }
                end = i + 1;
            }
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static char closer(char c) {
        return switch (c) {
            case '(' -> ')';
            case '{' -> '}';
            case '[' -> ']';
            case '<' -> '>';
            default -> 0;
        };
    }
}
