package dev.faultline.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.faultline.api.Problem;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads an issue list's query parameters as Sentry's clients send them: {@code project} and {@code environment}
 * repeated (or comma separated), {@code query} (an absent query means {@code is:unresolved}, an empty one
 * everything), {@code sort}, {@code cursor}, {@code limit} (at most 100, larger asks get 100) and the time range.
 */
final class IssueListParams {

    static final String DEFAULT_QUERY = "is:unresolved";
    private static final int DEFAULT_LIMIT = 25;

    private IssueListParams() {
    }

    /** The list of an organization, whose {@code statsPeriod}, {@code start} and {@code end} limit the time range. */
    static Issues.ListRequest ofOrganization(HttpServletRequest request, Instant now) {
        return new Issues.ListRequest(projectIds(request), values(request, "environment"), query(request),
                IssueSort.parse(request.getParameter("sort")), request.getParameter("cursor"), limit(request),
                TimeRange.of(request.getParameter("statsPeriod"), request.getParameter("start"),
                        request.getParameter("end"), now));
    }

    /** The list of one project, whose {@code statsPeriod} only chooses the trend (Sentry's older endpoint). */
    static Issues.ListRequest ofProject(HttpServletRequest request, long projectId) {
        return new Issues.ListRequest(List.of(projectId), values(request, "environment"), query(request),
                IssueSort.parse(request.getParameter("sort")), request.getParameter("cursor"), limit(request),
                TimeRange.ALL);
    }

    /** Issue ids named by {@code id} parameters, for bulk changes. */
    static List<Long> ids(HttpServletRequest request) {
        return ids(request, "id");
    }

    static List<Long> ids(HttpServletRequest request, String name) {
        return longs(request, name);
    }

    static String query(HttpServletRequest request) {
        String query = request.getParameter("query");
        return query == null ? DEFAULT_QUERY : query;
    }

    static List<String> values(HttpServletRequest request, String name) {
        String[] given = request.getParameterValues(name);
        if (given == null) {
            return List.of();
        }
        return Arrays.stream(given).flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(value -> !value.isEmpty()).distinct().toList();
    }

    private static List<Long> projectIds(HttpServletRequest request) {
        return longs(request, "project");
    }

    private static List<Long> longs(HttpServletRequest request, String name) {
        List<Long> ids = new ArrayList<>();
        for (String value : values(request, name)) {
            try {
                ids.add(Long.parseLong(value));
            }
            catch (NumberFormatException e) {
                throw Problem.badRequest(name, "'" + value + "' is not an id: " + name + " takes numeric ids");
            }
        }
        return ids;
    }

    private static int limit(HttpServletRequest request) {
        String value = request.getParameter("limit");
        if (value == null || value.isBlank()) {
            value = request.getParameter("per_page");
        }
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1) {
                throw new NumberFormatException();
            }
            return Math.min(limit, Issues.MAX_LIMIT);
        }
        catch (NumberFormatException e) {
            throw Problem.badRequest("limit", "limit must be a whole number of at least 1");
        }
    }
}
