package dev.faultline.issue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.event.Level;
import dev.faultline.issue.IssueFilter.SqlCondition;

/** The values of search filters that compare: times, counts and levels, each after an optional operator. */
final class SearchValues {

    private static final Pattern OPERATOR = Pattern.compile("(>=|<=|>|<|=)?(.*)", Pattern.DOTALL);
    private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d{1,5})([smhdw])");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern HAS_OFFSET = Pattern.compile(".*T.*(Z|[+-]\\d{2}:?\\d{2})$", Pattern.CASE_INSENSITIVE);

    private SearchValues() {
    }

    /**
     * {@code -24h} is "within the last 24 hours" and {@code +24h} "longer ago than 24 hours", as in Sentry; an
     * absolute date without an operator is that whole day (UTC); times without a zone are UTC.
     */
    static SqlCondition time(String column, String key, String value, Instant now) {
        Matcher compared = OPERATOR.matcher(value);
        compared.matches();
        String operator = compared.group(1);
        String operand = compared.group(2);
        Matcher relative = RELATIVE.matcher(operand);
        if (relative.matches()) {
            Instant point = now.minus(duration(Long.parseLong(relative.group(2)), relative.group(3)));
            String sign = relative.group(1);
            return compare(column, operator != null ? operator : sign.equals("-") ? ">=" : "<", Timestamp.from(point));
        }
        if (DATE.matcher(operand).matches()) {
            Instant day = parse(key, () -> LocalDate.parse(operand).atStartOfDay(ZoneOffset.UTC).toInstant());
            if (operator == null) {
                return new SqlCondition(column + " >= ? AND " + column + " < ?",
                        List.of(Timestamp.from(day), Timestamp.from(day.plus(Duration.ofDays(1)))));
            }
            return compare(column, operator, Timestamp.from(day));
        }
        Instant time = parse(key, () -> HAS_OFFSET.matcher(operand).matches()
                ? OffsetDateTime.parse(operand.toUpperCase(Locale.ROOT)).toInstant()
                : LocalDateTime.parse(operand).toInstant(ZoneOffset.UTC));
        if (operator == null) {
            throw new InvalidSearchException("Put an operator before the time in " + key + ":" + value + ", as in "
                    + key + ":>=" + operand + " or " + key + ":<" + operand + ".");
        }
        return compare(column, operator, Timestamp.from(time));
    }

    static SqlCondition count(String column, String key, String value) {
        Matcher compared = OPERATOR.matcher(value);
        compared.matches();
        try {
            long count = Long.parseLong(compared.group(2));
            return compare(column, compared.group(1) == null ? "=" : compared.group(1), count);
        }
        catch (NumberFormatException e) {
            throw new InvalidSearchException("\"" + key + "\" needs a whole number, as in " + key + ":>10 or "
                    + key + ":5.");
        }
    }

    static SqlCondition level(String value) {
        Matcher compared = OPERATOR.matcher(value);
        compared.matches();
        String name = compared.group(2).toLowerCase(Locale.ROOT);
        Level level = switch (name) {
            case "warn" -> Level.WARNING;
            case "critical" -> Level.FATAL;
            default -> Arrays.stream(Level.values()).filter(l -> l.value().equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidSearchException("Unknown level \"" + compared.group(2)
                            + "\" in level:" + value + ". Use debug, info, warning, error or fatal."));
        };
        return compare("i.level", compared.group(1) == null ? "=" : compared.group(1), level.code());
    }

    private static SqlCondition compare(String column, String operator, Object value) {
        return new SqlCondition(column + " " + operator + " ?", List.of(value));
    }

    private static Duration duration(long amount, String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }

    private static Instant parse(String key, Supplier<Instant> parse) {
        try {
            return parse.get();
        }
        catch (DateTimeParseException e) {
            throw new InvalidSearchException("\"" + key
                    + "\" needs a time such as -24h, -7d or 2026-01-31T12:00:00");
        }
    }
}
