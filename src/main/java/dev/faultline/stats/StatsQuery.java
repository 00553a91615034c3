package dev.faultline.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.faultline.api.Problem;
import org.springframework.util.MultiValueMap;

/**
 * What {@code stats_v2} is asked for, read and checked as Sentry's outcomes {@code QueryDefinition} does, with its
 * messages. Only accepted outcomes are counted here (what digest stored), so the outcome and reason filters decide
 * whether those counts are in or the answer is empty.
 *
 * @param kinds         the {@link ProjectHours} kinds the categories select; empty when none of them has counts
 * @param countsAccepted whether the outcome and reason filters let accepted counts through
 * @param projectIds    the projects asked for; empty for all the caller can read
 */
record StatsQuery(List<String> fields, List<Dimension> groupBy, Set<Integer> kinds, boolean countsAccepted,
        List<Long> projectIds, StatsRange range) {

    /** What a group can be grouped by, as {@code groupBy} and the keys of {@code by} name it. */
    enum Dimension {
        PROJECT, CATEGORY, OUTCOME, REASON;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final List<String> FIELDS = List.of("sum(quantity)", "sum(times_seen)");
    static final String ACCEPTED = "accepted";

    /** Relay's outcomes. */
    private static final Set<String> OUTCOMES = Set.of(ACCEPTED, "filtered", "rate_limited", "invalid", "abuse",
            "client_discard", "cardinality_limited");

    /** Sentry's data categories, of which errors (with default and security events) and transactions have counts. */
    private static final Set<String> ERROR_CATEGORIES = Set.of("error", "default", "security");
    private static final Set<String> OTHER_CATEGORIES = Set.of("attachment", "session", "profile", "profile_indexed",
            "profile_duration", "profile_chunk", "replay", "monitor", "monitor_seat", "span", "span_indexed",
            "transaction_processed", "transaction_indexed", "user_report_v2", "feedback", "metric_bucket",
            "log_item", "log_byte", "uptime", "attachment_item");

    static StatsQuery parse(MultiValueMap<String, String> params, Instant now) {
        List<String> fields = values(params, "field");
        if (fields.isEmpty()) {
            throw Problem.badRequest("At least one \"field\" is required.");
        }
        StatsRange range = StatsRange.parse(params, now);
        for (String field : fields) {
            if (!FIELDS.contains(field)) {
                throw Problem.badRequest("Invalid field: \"" + field + "\"");
            }
        }
        List<Dimension> groupBy = values(params, "groupBy").stream().map(StatsQuery::dimension).distinct().toList();
        List<String> categories = values(params, "category");
        if (categories.isEmpty() && !groupBy.contains(Dimension.CATEGORY)) {
            throw Problem.badRequest("Query must have category as groupby or filter");
        }
        List<String> outcomes = values(params, "outcome");
        for (String outcome : outcomes) {
            if (!OUTCOMES.contains(outcome)) {
                throw Problem.badRequest("Invalid outcome: \"" + outcome + "\"");
            }
        }
        boolean countsAccepted = (outcomes.isEmpty() || outcomes.contains(ACCEPTED)) && values(params, "reason").isEmpty();
        return new StatsQuery(fields, groupBy, kinds(categories), countsAccepted, projectIds(params), range);
    }

    private static Dimension dimension(String value) {
        return Arrays.stream(Dimension.values()).filter(dimension -> dimension.key().equals(value)).findFirst()
                .orElseThrow(() -> Problem.badRequest("Invalid groupBy: \"" + value + "\""));
    }

    private static Set<Integer> kinds(List<String> categories) {
        if (categories.isEmpty()) {
            return Set.of(ProjectHours.ERRORS, ProjectHours.TRANSACTIONS);
        }
        Set<Integer> kinds = new TreeSet<>();
        for (String category : categories) {
            if (ERROR_CATEGORIES.contains(category)) {
                kinds.add(ProjectHours.ERRORS);
            }
            else if (category.equals("transaction")) {
                kinds.add(ProjectHours.TRANSACTIONS);
            }
            else if (!OTHER_CATEGORIES.contains(category)) {
                throw Problem.badRequest("Invalid category: \"" + category + "\"");
            }
        }
        if (categories.contains("attachment") && categories.size() > 1) {
            throw Problem.badRequest("if filtering by attachment no other category may be present");
        }
        return kinds;
    }

    /** {@code project} repeated or comma separated; {@code -1} means all. */
    private static List<Long> projectIds(MultiValueMap<String, String> params) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : values(params, "project")) {
            try {
                ids.add(Long.parseLong(value));
            }
            catch (NumberFormatException e) {
                throw Problem.badRequest("Invalid project parameter. Values must be numbers.");
            }
        }
        return ids.contains(-1L) ? List.of() : List.copyOf(ids);
    }

    /** The parameter's values, repeated or comma separated, without blanks and repeats. */
    private static List<String> values(MultiValueMap<String, String> params, String name) {
        List<String> values = new ArrayList<>();
        for (String value : params.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank() && !values.contains(part.strip())) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }
}
