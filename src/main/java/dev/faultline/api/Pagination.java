package dev.faultline.api;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sentry's cursor pagination for short lists held in memory: {@code ?cursor=0:<offset>:<is-previous>}, a page of
 * {@code per_page} (default and at most 100) and a {@code Link} header with its previous and next pages. Long lists
 * (issues, events) page by keyset in their own queries.
 */
public final class Pagination {

    private static final int MAX_PER_PAGE = 100;
    private static final Pattern CURSOR = Pattern.compile("^(\\d+):(\\d+):([01])$");

    private Pagination() {
    }

    public static <T> ResponseEntity<List<T>> page(List<T> all, HttpServletRequest request) {
        int perPage = perPage(request.getParameter("per_page"));
        int offset = offset(request.getParameter("cursor"));
        int end = Math.min(all.size(), offset + perPage);
        List<T> page = offset >= all.size() ? List.of() : all.subList(offset, end);
        int previousOffset = Math.max(0, offset - perPage);
        String link = link(request, "0:" + previousOffset + ":1", "previous", offset > 0) + ", "
                + link(request, "0:" + end + ":0", "next", end < all.size());
        return ResponseEntity.ok().header(HttpHeaders.LINK, link).body(page);
    }

    /**
     * The {@code Link} header of a list paged by keyset: the cursors of the pages before and after this one, null
     * where there is none.
     */
    public static String keysetLink(HttpServletRequest request, String previousCursor, String nextCursor) {
        return link(request, previousCursor == null ? "0:0:1" : previousCursor, "previous", previousCursor != null)
                + ", " + link(request, nextCursor == null ? "0:0:0" : nextCursor, "next", nextCursor != null);
    }

    private static String link(HttpServletRequest request, String cursor, String rel, boolean results) {
        String url = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("cursor", cursor).build()
                .toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"; results=\"" + results + "\"; cursor=\"" + cursor + "\"";
    }

    private static int perPage(String value) {
        if (value == null || value.isBlank()) {
            return MAX_PER_PAGE;
        }
        try {
            return Math.max(1, Math.min(MAX_PER_PAGE, Integer.parseInt(value.strip())));
        }
        catch (NumberFormatException e) {
            throw Problem.badRequest("per_page", "per_page must be a whole number from 1 to " + MAX_PER_PAGE);
        }
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        Matcher matcher = CURSOR.matcher(cursor.strip());
        if (!matcher.matches()) {
            throw Problem.badRequest("cursor", "'" + cursor + "' is not a cursor of this list");
        }
        try {
            return Integer.parseInt(matcher.group(2));
        }
        catch (NumberFormatException e) {
            throw Problem.badRequest("cursor", "'" + cursor + "' is not a cursor of this list");
        }
    }
}
