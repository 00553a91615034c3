package dev.faultline.issue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;


/**
 * The filters of the issue list page as its URL keeps them, so a filtered list can be bookmarked and shared:
 * {@code project} (several), {@code environment}, {@code period} ({@code 1h} … {@code 30d}) or {@code start} and
 * {@code end} dates, {@code query} and {@code sort}.
 */
record IssueListFilters(String organizationSlug, List<Long> projectIds, String environment, String period,
        String start, String end, String query, String sort) {

    static final List<String> PERIODS = List.of("1h", "24h", "7d", "14d", "30d");

    IssueListFilters {
        projectIds = List.copyOf(projectIds);
        environment = blankToNull(environment);
        period = blankToNull(period);
        start = blankToNull(start);
        end = blankToNull(end);
        query = query == null ? IssueListParams.DEFAULT_QUERY : query;
        sort = blankToNull(sort) == null ? "date" : sort;
    }

    Issues.ListRequest request(String cursor, int limit, Instant now) {
        return new Issues.ListRequest(projectIds, environment == null ? List.of() : List.of(environment), query,
                IssueSort.parse(sort), cursor, limit, range(now));
    }

    TimeRange range(Instant now) {
        return TimeRange.of(period, start, end == null ? null : end + "T23:59:59", now);
    }

    /** Short periods show the last day's hours in their trend; longer ones the last two weeks' days. */
    public IssueStats stats() {
        return "1h".equals(period) || "24h".equals(period) ? IssueStats.DAY : IssueStats.FORTNIGHT;
    }

    public boolean selected(long projectId) {
        return projectIds.contains(projectId);
    }

    /** This list's URL with another sort, back on its first page. */
    public String sortedBy(String otherSort) {
        return with(otherSort, null);
    }

    /** This list's URL at a page. */
    public String page(String cursor) {
        return with(sort, cursor);
    }

    public String url() {
        return with(sort, null);
    }

    private String with(String sortName, String cursor) {
        StringJoiner query = new StringJoiner("&", "/" + organizationSlug + "/issues?", "");
        projectIds.forEach(id -> add(query, "project", String.valueOf(id)));
        add(query, "environment", environment);
        add(query, "period", period);
        add(query, "start", start);
        add(query, "end", end);
        add(query, "query", this.query);
        add(query, "sort", sortName);
        add(query, "cursor", cursor);
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
