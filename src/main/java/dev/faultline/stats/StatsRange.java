package dev.faultline.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.api.Problem;
import org.springframework.util.MultiValueMap;

/**
 * The buckets of a stats query, after Sentry's {@code get_constrained_date_range}: an interval that divides a day,
 * a range from {@code statsPeriod} (default 90 days) or {@code start} and {@code end}, the start aligned down and the
 * end aligned up to the interval, and at most {@link #MAX_BUCKETS} buckets. Sentry accepts whole minutes; the counts
 * here are hourly, so an interval below an hour is answered with hourly buckets, which {@code intervals} shows.
 *
 * @param step the width of a bucket
 */
record StatsRange(Instant start, Instant end, Duration step) {

    /** Sentry's {@code MAX_POINTS}. */
    static final int MAX_BUCKETS = 1000;

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(90);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Pattern DURATION = Pattern.compile("^(\\d{1,9})([smhdw]?)$");

    static StatsRange parse(MultiValueMap<String, String> params, Instant now) {
        Duration interval = interval(params.getFirst("interval"));
        Instant start;
        Instant end;
        String period = params.getFirst("statsPeriod");
        if (period != null && !period.isBlank()) {
            Duration length = duration(period);
            if (length == null || length.isZero()) {
                throw Problem.badRequest("Invalid statsPeriod: '" + period + "'");
            }
            start = now.minus(length);
            end = now;
        }
        else if (present(params, "start") || present(params, "end")) {
            if (!present(params, "start") || !present(params, "end")) {
                throw Problem.badRequest("start and end are both required");
            }
            start = instant(params.getFirst("start"));
            end = instant(params.getFirst("end"));
            if (start.isAfter(end)) {
                throw Problem.badRequest("start must be before end");
            }
        }
        else {
            start = now.minus(DEFAULT_PERIOD);
            end = now;
        }
        if (start.isAfter(now)) {
            start = now;
        }
        Duration step = interval.compareTo(HOUR) < 0 ? HOUR : interval;
        StatsRange range = new StatsRange(alignDown(start, step), alignUp(end, step), step);
        if (range.buckets() > MAX_BUCKETS) {
            throw Problem.badRequest("Your interval and date range would create too many results. "
                    + "Use a larger interval, or a smaller date range.");
        }
        return range;
    }

    long buckets() {
        return Duration.between(start, end).dividedBy(step);
    }

    List<Instant> intervals() {
        List<Instant> intervals = new ArrayList<>();
        for (Instant bucket = start; bucket.isBefore(end); bucket = bucket.plus(step)) {
            intervals.add(bucket);
        }
        return intervals;
    }

    /** The position of the bucket that starts at {@code bucket}. */
    int index(Instant bucket) {
        return (int) Duration.between(start, bucket).dividedBy(step);
    }

    private static Duration interval(String value) {
        if (value == null || value.isBlank()) {
            return HOUR;
        }
        Duration interval = duration(value);
        if (interval == null) {
            throw Problem.badRequest("Invalid interval: '" + value + "'; give a number and a unit (m, h, d), "
                    + "such as 1h or 1d");
        }
        if (interval.toSeconds() % 60 != 0 || interval.isZero()) {
            throw Problem.badRequest("The interval has to be a multiple of the minimum interval of one minute.");
        }
        if (interval.compareTo(DAY) > 0) {
            throw Problem.badRequest("The interval has to be less than one day.");
        }
        if (DAY.toSeconds() % interval.toSeconds() != 0) {
            throw Problem.badRequest("The interval should divide one day without a remainder.");
        }
        return interval;
    }

    /** Sentry's {@code parse_stats_period}: a number and a unit, seconds when the unit is left out. */
    private static Duration duration(String value) {
        Matcher matcher = DURATION.matcher(value.strip());
        if (!matcher.matches()) {
            return null;
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            case "w" -> Duration.ofDays(amount * 7);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** ISO 8601 with or without a zone (Grafana sends {@code 2006-01-02T15:04:05}, meant as UTC), or a date. */
    private static Instant instant(String value) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned ? zoned.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        }
        catch (DateTimeParseException e) {
            throw Problem.badRequest("'" + value + "' is not a date and time; send ISO 8601, such as "
                    + "2024-05-01T12:00:00 (UTC) or 2024-05-01T12:00:00+02:00");
        }
    }

    private static boolean present(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value != null && !value.isBlank();
    }

    private static Instant alignDown(Instant instant, Duration step) {
        long seconds = step.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds) * seconds);
    }

    private static Instant alignUp(Instant instant, Duration step) {
        Instant down = alignDown(instant, step);
        return down.equals(instant) ? down : down.plus(step);
    }
}
