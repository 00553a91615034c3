package dev.faultline.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.issue.IssueFilter.SqlCondition;
import dev.faultline.issue.SearchTokens.Token;

/**
 * The issue list's search box: GlitchTip's and Sentry's grammar ({@code is:}, {@code level:}, {@code has:},
 * {@code assigned:}, {@code firstSeen:}, {@code lastSeen:}, {@code times_seen:}, any tag as {@code key:value}, each
 * negated with {@code !}) and free text, turned into a condition over the issue {@code i}. User text only ever goes
 * into parameters.
 */
final class IssueSearch {

    /** Who searches and when: {@code assigned:me} and relative times need them. The user may be null. */
    record Context(Long userId, Instant now) {
    }

    /** The condition, and the issue to open directly when the whole query names one. */
    record Parsed(SqlCondition condition, Optional<Jump> jump) {
    }

    /** A query that names one issue: by the id of one of its events, or by its short id such as SHOP-12. */
    sealed interface Jump {

        record ToEvent(UUID eventId) implements Jump {
        }

        record ToShortId(String projectSlug, long shortId) implements Jump {
        }
    }

    private static final Pattern EVENT_ID = Pattern.compile(
            "\\p{XDigit}{32}|\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern SHORT_ID = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]*)-(\\d{1,18})");

    private IssueSearch() {
    }

    static Parsed parse(String query, Context context) {
        String text = query == null ? "" : query.strip();
        List<SqlCondition> conditions = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (Token token : SearchTokens.of(text)) {
            if (!token.freeText()) {
                conditions.add(filter(token, context));
            } else if (!token.values().getFirst().isBlank()) {
                terms.add(token.values().getFirst());
            }
        }
        if (!terms.isEmpty()) {
            conditions.add(text(terms));
        }
        SqlCondition condition = conditions.isEmpty() ? SqlCondition.NONE : join(conditions, " AND ");
        return new Parsed(condition, jump(text));
    }

    /** Any of the token's values, or none of them when negated. */
    private static SqlCondition filter(Token token, Context context) {
        SqlCondition any = join(token.values().stream().map(value -> filter(token, value, context)).toList(), " OR ");
        return token.negated() ? not(any) : any;
    }

    private static SqlCondition filter(Token token, String value, Context context) {
        String key = token.key();
        return switch (key) {
            case "is" -> status(value, token.text());
            case "level" -> SearchValues.level(value);
            case "has" -> new SqlCondition(
                    "EXISTS (SELECT 1 FROM issue_tag_values t WHERE t.issue_id = i.id AND t.key = ?)", List.of(value));
            case "assigned" -> assigned(value, context);
            case "firstSeen", "first_seen", "age" -> SearchValues.time("i.first_seen", key, value, context.now());
            case "lastSeen", "last_seen" -> SearchValues.time("i.last_seen", key, value, context.now());
            case "timesSeen", "times_seen" -> SearchValues.count("i.times_seen", key, value);
            case "firstRelease", "first_release" -> matches("i.first_release", value);
            case "release" -> join(List.of(tag("release", value), matches("i.first_release", value)), " OR ");
            default -> tag(key, value);
        };
    }

    private static SqlCondition status(String value, String text) {
        String status = value.toLowerCase(Locale.ROOT);
        String sql = switch (status) {
            case "unresolved", "resolved", "ignored" -> "i.status = '" + status + "'";
            case "regressed" -> "i.status = 'unresolved' AND i.regressed";
            case "assigned" -> "i.assignee_id IS NOT NULL";
            case "unassigned" -> "i.assignee_id IS NULL";
            default -> throw new InvalidSearchException("Unknown status \"" + value + "\" in " + text
                    + ". Use unresolved, resolved, ignored, regressed, assigned or unassigned.");
        };
        return new SqlCondition(sql, List.of());
    }

    private static SqlCondition assigned(String value, Context context) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "me" -> {
                if (context.userId() == null) {
                    throw new InvalidSearchException("assigned:me needs a signed-in user.");
                }
                yield new SqlCondition("i.assignee_id = ?", List.of(context.userId()));
            }
            case "none" -> new SqlCondition("i.assignee_id IS NULL", List.of());
            default -> new SqlCondition("i.assignee_id IN (SELECT u.id FROM users u WHERE lower(u.email) = lower(?))",
                    List.of(value));
        };
    }

    private static SqlCondition tag(String key, String value) {
        SqlCondition match = matches("t.value", value);
        List<Object> params = new ArrayList<>(List.of(key));
        params.addAll(match.params());
        return new SqlCondition("EXISTS (SELECT 1 FROM issue_tag_values t WHERE t.issue_id = i.id AND t.key = ? AND "
                + match.sql() + ")", params);
    }

    /** Equal, or a LIKE pattern where the value has a {@code *} wildcard. */
    private static SqlCondition matches(String column, String value) {
        if (!value.contains("*")) {
            return new SqlCondition(column + " = ?", List.of(value));
        }
        return new SqlCondition(column + " LIKE ?", List.of(like(value).replace("*", "%")));
    }

    /**
     * Free text: each term within the title, or anywhere in the issue's search text (stack frames, modules, types,
     * lower-cased as the terms are), so parts of words are found too ({@code Foo} in {@code com.example.Foo},
     * {@code models.py} in {@code app/models.py}). The trigram index finds the issues whose text has a term; a term
     * under three characters has no trigram and is checked against every text.
     */
    private static SqlCondition text(List<String> terms) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (String term : terms) {
            String pattern = "%" + like(term.toLowerCase(Locale.ROOT)) + "%";
            conditions.add("(i.title ILIKE ? OR i.id IN (SELECT s.issue_id FROM issue_search s WHERE s.text LIKE ?))");
            params.add(pattern);
            params.add(pattern);
        }
        return new SqlCondition(String.join(" AND ", conditions), params);
    }

    /** A LIKE pattern matching the text as it is (PostgreSQL's default escape character is the backslash). */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Null counts as false, so that {@code !release:1.0} keeps issues without a first release. */
    private static SqlCondition not(SqlCondition condition) {
        return new SqlCondition("NOT coalesce((" + condition.sql() + "), false)", condition.params());
    }

    private static SqlCondition join(List<SqlCondition> conditions, String operator) {
        if (conditions.size() == 1) {
            return conditions.getFirst();
        }
        List<String> sql = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (SqlCondition condition : conditions) {
            sql.add("(" + condition.sql() + ")");
            params.addAll(condition.params());
        }
        return new SqlCondition(String.join(operator, sql), params);
    }

    private static Optional<Jump> jump(String query) {
        if (EVENT_ID.matcher(query).matches()) {
            String hex = query.replace("-", "");
            return Optional.of(new Jump.ToEvent(new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                    Long.parseUnsignedLong(hex.substring(16), 16))));
        }
        Matcher shortId = SHORT_ID.matcher(query);
        if (shortId.matches()) {
            return Optional.of(new Jump.ToShortId(shortId.group(1).toLowerCase(Locale.ROOT),
                    Long.parseLong(shortId.group(2))));
        }
        return Optional.empty();
    }
}
