package dev.faultline.issue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import dev.faultline.api.Problem;

/**
 * The orders of the issue list, by Sentry's names ({@code date}, {@code new}, {@code freq}, {@code user},
 * {@code priority}: newest, most first) and GlitchTip's ({@code last_seen}, {@code first_seen}, {@code count},
 * {@code priority}, ascending unless prefixed with {@code -}).
 */
enum IssueSort {
    LAST_SEEN("i.last_seen", Kind.TIME, "Last seen"),
    FIRST_SEEN("i.first_seen", Kind.TIME, "First seen"),
    EVENTS("i.times_seen", Kind.COUNT, "Events"),
    USERS("i.users_seen", Kind.COUNT, "Users"),
    /** Sentry's former priority: frequent and recent issues first, a tenfold count worth about an hour. */
    PRIORITY("(ln(greatest(i.times_seen, 1)::float8) * 600 + extract(epoch FROM i.last_seen)::float8)", Kind.SCORE,
            "Priority");

    enum Kind { TIME, COUNT, SCORE }

    /** A sort with its direction. */
    record Order(IssueSort sort, boolean descending) {

        static final Order DEFAULT = new Order(LAST_SEEN, true);

        /** The name Sentry's clients and our pages use for it. */
        String name() {
            String name = switch (sort) {
                case LAST_SEEN -> "date";
                case FIRST_SEEN -> "new";
                case EVENTS -> "freq";
                case USERS -> "user";
                case PRIORITY -> "priority";
            };
            return descending ? name : sort.name().toLowerCase(Locale.ROOT);
        }
    }

    private final String expression;
    private final Kind kind;
    private final String label;

    IssueSort(String expression, Kind kind, String label) {
        this.expression = expression;
        this.kind = kind;
        this.label = label;
    }

    String expression() {
        return expression;
    }

    String label() {
        return label;
    }

    static Order parse(String value) {
        if (value == null || value.isBlank()) {
            return Order.DEFAULT;
        }
        String name = value.strip().toLowerCase(Locale.ROOT);
        boolean minus = name.startsWith("-");
        return switch (minus ? name.substring(1) : name) {
            case "date" -> new Order(LAST_SEEN, true);
            case "new" -> new Order(FIRST_SEEN, true);
            case "freq" -> new Order(EVENTS, true);
            case "user" -> new Order(USERS, true);
            case "priority", "inbox", "trends" -> new Order(PRIORITY, true);
            case "last_seen" -> new Order(LAST_SEEN, minus);
            case "first_seen" -> new Order(FIRST_SEEN, minus);
            case "count", "times_seen" -> new Order(EVENTS, minus);
            case "users", "user_count" -> new Order(USERS, minus);
            default -> throw Problem.badRequest("sort", "Unknown sort '" + value + "': use date, new, freq, user "
                    + "or priority (or last_seen, first_seen, count, priority with - for descending)");
        };
    }

    /** The sort value of a listed issue, as a cursor carries it. */
    String cursorValue(IssueRepository.Ranked ranked) {
        Issue issue = ranked.issue();
        return switch (this) {
            case LAST_SEEN -> Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, issue.lastSeen()));
            case FIRST_SEEN -> Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, issue.firstSeen()));
            case EVENTS -> Long.toString(issue.timesSeen());
            case USERS -> Long.toString(issue.usersSeen());
            case PRIORITY -> Double.toString(ranked.priority());
        };
    }

    /** A cursor's sort value as a query parameter; throws for one that is not of this sort. */
    Object parameter(String cursorValue) {
        try {
            return switch (kind) {
                case TIME -> Timestamp.from(Instant.EPOCH.plus(Long.parseLong(cursorValue), ChronoUnit.MICROS));
                case COUNT -> Long.parseLong(cursorValue);
                case SCORE -> Double.parseDouble(cursorValue);
            };
        }
        catch (NumberFormatException e) {
            throw Problem.badRequest("cursor", "The cursor does not belong to this list; start from its first page");
        }
    }
}
