package dev.faultline.stats;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.stats.StatsQuery.Dimension;
import dev.faultline.stats.StatsRepository.BucketCount;

/**
 * The answer of {@code stats_v2} in Sentry's shape: {@code start}, {@code end}, {@code intervals} and one group per
 * combination of the grouped-by values that has counts, with {@code by}, {@code totals} and {@code series} for each
 * field. {@code sum(times_seen)} equals {@code sum(quantity)} for events, as in Sentry.
 */
final class StatsJson {

    private StatsJson() {
    }

    static Map<String, Object> of(StatsQuery query, List<BucketCount> counts) {
        StatsRange range = query.range();
        int buckets = (int) range.buckets();
        Map<List<Object>, long[]> series = new LinkedHashMap<>();
        counts.stream().sorted(Comparator.comparingLong(BucketCount::projectId).thenComparingInt(BucketCount::kind)
                .thenComparing(BucketCount::bucket)).forEach(count -> series
                .computeIfAbsent(key(query.groupBy(), count), key -> new long[buckets])
                [range.index(count.bucket())] += count.count());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("start", iso(range.start()));
        json.put("end", iso(range.end()));
        json.put("intervals", range.intervals().stream().map(StatsJson::iso).toList());
        json.put("groups", series.entrySet().stream()
                .map(group -> group(query, group.getKey(), group.getValue())).toList());
        return json;
    }

    private static Map<String, Object> group(StatsQuery query, List<Object> key, long[] series) {
        Map<String, Object> by = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) {
            by.put(query.groupBy().get(i).key(), key.get(i));
        }
        long total = Arrays.stream(series).sum();
        Map<String, Object> totals = new LinkedHashMap<>();
        Map<String, Object> seriesByField = new LinkedHashMap<>();
        for (String field : query.fields()) {
            totals.put(field, total);
            seriesByField.put(field, series);
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("by", by);
        group.put("totals", totals);
        group.put("series", seriesByField);
        return group;
    }

    /** The grouped-by values of a count; accepted counts have no reason (null, as in Sentry). */
    private static List<Object> key(List<Dimension> groupBy, BucketCount count) {
        return Arrays.asList(groupBy.stream().map(dimension -> switch (dimension) {
            case PROJECT -> (Object) count.projectId();
            case CATEGORY -> count.kind() == ProjectHours.TRANSACTIONS ? "transaction" : "error";
            case OUTCOME -> StatsQuery.ACCEPTED;
            case REASON -> null;
        }).toArray());
    }

    private static String iso(Instant instant) {
        return instant.toString();
    }
}
