package dev.faultline.issue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the search box text into tokens: {@code key:value} (or {@code !key:value}) filters and free text. Values
 * may be double-quoted, with {@code \"} and {@code \\} escapes, or lists such as {@code [prod, "a b"]}.
 */
final class SearchTokens {

    /** A filter ({@code key} set) or free text ({@code key} null, one value); {@code text} is as typed. */
    record Token(String key, boolean negated, List<String> values, String text) {

        boolean freeText() {
            return key == null;
        }
    }

    private static final Pattern KEY = Pattern.compile("(!?)([A-Za-z0-9._-]+):");

    private final String query;
    private int position;

    private SearchTokens(String query) {
        this.query = query;
    }

    static List<Token> of(String query) {
        return new SearchTokens(query).tokens();
    }

    private List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (skipWhitespace()) {
            int start = position;
            if (peek() == '"') {
                String phrase = quoted();
                tokens.add(new Token(null, false, List.of(phrase), query.substring(start, position)));
                continue;
            }
            Matcher key = KEY.matcher(query).region(position, query.length());
            if (!key.lookingAt()) {
                String word = word();
                tokens.add(new Token(null, false, List.of(word), word));
                continue;
            }
            position = key.end();
            List<String> values = value(key.group(2));
            tokens.add(new Token(key.group(2), !key.group(1).isEmpty(), values, query.substring(start, position)));
        }
        return tokens;
    }

    private List<String> value(String key) {
        if (atEnd() || Character.isWhitespace(peek())) {
            throw new InvalidSearchException("Nothing after \"" + key + ":\". Put a value after the colon, such as "
                    + key + ":something, or put the text in quotes to search for it as it is.");
        }
        return switch (peek()) {
            case '"' -> List.of(quoted());
            case '[' -> list(key);
            default -> List.of(word());
        };
    }

    /** {@code [a, "b c", d]}: at least one value, none empty. */
    private List<String> list(String key) {
        int start = position++;
        List<String> values = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (atEnd()) {
                throw new InvalidSearchException("The list in \"" + query.substring(start)
                        + "\" is not closed. Add a ] after its last value.");
            }
            String value = peek() == '"' ? quoted() : until(",]").strip();
            if (value.isEmpty()) {
                throw new InvalidSearchException("The list after \"" + key + ":\" has an empty value.");
            }
            values.add(value);
            skipWhitespace();
            if (atEnd()) {
                continue;
            }
            char next = query.charAt(position++);
            if (next == ']') {
                return values;
            }
            if (next != ',') {
                throw new InvalidSearchException("Separate the values in the list after \"" + key
                        + ":\" with commas, as in " + key + ":[a, b].");
            }
        }
    }

    private String quoted() {
        int start = position++;
        var text = new StringBuilder();
        while (!atEnd()) {
            char c = query.charAt(position++);
            if (c == '"') {
                return text.toString();
            }
            if (c == '\\' && !atEnd() && (peek() == '"' || peek() == '\\')) {
                c = query.charAt(position++);
            }
            text.append(c);
        }
        throw new InvalidSearchException("The quote opened in " + query.substring(start)
                + " is not closed. Add a \" where the quoted text ends.");
    }

    private String word() {
        int start = position;
        while (!atEnd() && !Character.isWhitespace(peek())) {
            position++;
        }
        return query.substring(start, position);
    }

    private String until(String ends) {
        int start = position;
        while (!atEnd() && ends.indexOf(peek()) < 0) {
            position++;
        }
        return query.substring(start, position);
    }

    /** Moves past whitespace; false at the end. */
    private boolean skipWhitespace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
        return !atEnd();
    }

    private char peek() {
        return query.charAt(position);
    }

    private boolean atEnd() {
        return position >= query.length();
    }
}
