package dev.faultline.issue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.faultline.api.Problem;

/**
 * The trend of an issue as Sentry's {@code stats}: events per hour over the last day ({@code 24h}) or per day over
 * the last two weeks ({@code 14d}), oldest first, each bucket {@code [unix seconds of its start, count]}.
 */
enum IssueStats {
    DAY("24h", 24, Duration.ofHours(1)),
    FORTNIGHT("14d", 14, Duration.ofDays(1));

    /** A bucket of the trend. */
    record Bucket(Instant start, long count) {
    }

    private final String key;
    private final int buckets;
    private final Duration width;

    IssueStats(String key, int buckets, Duration width) {
        this.key = key;
        this.buckets = buckets;
        this.width = width;
    }

    public String key() {
        return key;
    }

    /** The period by Sentry's name; empty or {@code 0} asks for none (null). */
    static IssueStats parse(String value, IssueStats otherwise) {
        if (value == null) {
            return otherwise;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "0", "none" -> null;
            case "24h" -> DAY;
            case "14d" -> FORTNIGHT;
            default -> throw Problem.badRequest("statsPeriod", "'" + value + "' is not a stats period: use 24h or 14d");
        };
    }

    /** Where the oldest bucket starts. */
    Instant since(Instant now) {
        return end(now).minus(width.multipliedBy(buckets));
    }

    List<Bucket> buckets(Map<Instant, Long> hourly, Instant now) {
        Instant first = since(now);
        long[] counts = new long[buckets];
        hourly.forEach((hour, count) -> {
            if (!hour.isBefore(first)) {
                int index = (int) (Duration.between(first, hour).toSeconds() / width.toSeconds());
                if (index < buckets) {
                    counts[index] += count;
                }
            }
        });
        List<Bucket> list = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            list.add(new Bucket(first.plus(width.multipliedBy(i)), counts[i]));
        }
        return list;
    }

    private Instant end(Instant now) {
        return now.truncatedTo(width.equals(Duration.ofDays(1)) ? ChronoUnit.DAYS : ChronoUnit.HOURS).plus(width);
    }
}
