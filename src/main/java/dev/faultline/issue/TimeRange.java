package dev.faultline.issue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.api.Problem;

/**
 * A time range of the API's {@code statsPeriod} ({@code 24h}, {@code 14d} ...) or {@code start} and {@code end}
 * (ISO-8601, UTC when without a zone, as Grafana sends them). Null ends are open.
 */
record TimeRange(Instant start, Instant end) {

    static final TimeRange ALL = new TimeRange(null, null);

    private static final Pattern PERIOD = Pattern.compile("^(\\d{1,6})([smhdw])$");

    static TimeRange of(String statsPeriod, String start, String end, Instant now) {
        if (present(start) || present(end)) {
            if (present(statsPeriod)) {
                throw Problem.badRequest("statsPeriod", "Give either statsPeriod or start and end, not both");
            }
            TimeRange range = new TimeRange(present(start) ? instant("start", start) : null,
                    present(end) ? instant("end", end) : null);
            if (range.start != null && range.end != null && range.start.isAfter(range.end)) {
                throw Problem.badRequest("start", "start must be before end");
            }
            return range;
        }
        return present(statsPeriod) ? new TimeRange(now.minus(period("statsPeriod", statsPeriod)), null) : ALL;
    }

    /** A duration such as {@code 30m}, {@code 24h}, {@code 14d} or {@code 2w}. */
    static Duration period(String field, String value) {
        Matcher matcher = PERIOD.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw Problem.badRequest(field, "'" + value + "' is not a period: use a number and s, m, h, d or w, "
                    + "such as 24h or 14d");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(amount * 7);
        };
    }

    static Instant instant(String field, String value) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
        catch (DateTimeParseException e) {
            throw Problem.badRequest(field, "'" + value + "' is not a time: use ISO-8601 such as 2026-01-31T12:00:00");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
